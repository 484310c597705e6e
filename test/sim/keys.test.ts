import { test } from "node:test";
import assert from "node:assert/strict";
import { parseGoType } from "../../kernel-helpers/types";
import { keyStream } from "../../kernel-helpers/sim/keys";

function distinct(type: string, n: number): number {
  const s = keyStream(parseGoType(type));
  let fresh = 0;
  for (let i = 0; i < n; i++) {
    s.next(i);
    if (s.fresh) fresh++;
  }
  return fresh;
}

test("the probe's keys repeat as its key function makes them repeat", () => {
  assert.equal(distinct("int", 1000), 1000);
  assert.equal(distinct("int8", 300), 256);
  assert.equal(distinct("[3]uint8", 300), 256);
  assert.equal(distinct("bool", 10), 2);
  assert.equal(distinct("struct{}", 10), 1);
  assert.equal(distinct("[0]int", 10), 1);
  assert.equal(distinct("*struct{}", 10), 1, "new(struct{}) is always &zerobase");
  assert.equal(distinct("*int", 10), 10);
  assert.equal(distinct("struct{_ int; b int16}", 70000), 65536);
  assert.equal(distinct("string", 100), 100);
});

test("float32 keys collide above 2^24, where neighbours round alike", () => {
  const s = keyStream(parseGoType("float32"));
  const base = 2 ** 24;
  for (let i = 0; i < base; i += 2 ** 20) s.next(i);
  const id = s.next(base);
  assert.equal(s.fresh, true);
  assert.equal(s.next(base + 1), id, "2^24 + 1 rounds to 2^24");
  assert.equal(s.fresh, false);
});
