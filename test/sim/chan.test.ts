/**
 * make(chan T, cap) in the simulator (kernel-helpers/sim/chan.ts), read as a specification of
 * runtime/chan.go makechan: hchan alone, hchan and a pointer-free buffer in one allocation, or
 * new(hchan) and a scanned buffer; hchan grew from 96 to 112 bytes after 1.19.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate, versionModel } from "../../kernel-helpers/sim";
import { hchanSize } from "../../kernel-helpers/sim/chan";
import { sizes } from "./helpers";

test("hchan is 96 bytes in 1.19 and 112 in 1.26 and 1.27 (timer and bubble fields)", () => {
  assert.equal(hchanSize(versionModel("1.19")), 96);
  assert.equal(hchanSize(versionModel("1.26")), 112);
  assert.equal(hchanSize(versionModel("1.27")), 112);
});

test("no buffer, or a buffer of zero-sized elements: hchan alone, noscan", () => {
  for (const c of ["make(chan int)", "make(chan int, 0)", "make(chan struct{}, 1000)", "make(chan *int)"]) {
    assert.deepEqual(sizes(c, { go: "1.19" }), ["96→96"], c);
    const r = simulate(c, { go: "1.26" });
    assert.equal(r.allocations.length, 1);
    assert.equal(r.allocations[0].noscan, true, c);
  }
});

test("pointer-free elements: hchan and buffer in one allocation", () => {
  assert.deepEqual(sizes("make(chan int, 4)", { go: "1.19" }), ["128→128"]);
  assert.deepEqual(sizes("make(chan int, 4)", { go: "1.26" }), ["144→144"]);
  assert.deepEqual(sizes("make(chan byte, 17)", { go: "1.26" }), ["129→144"]);
});

test("elements with pointers: new(hchan), then the buffer, scanned, with a header over 512 bytes", () => {
  assert.deepEqual(sizes("make(chan *int, 1)", { go: "1.26" }), ["112→112", "8→8"]);
  assert.deepEqual(sizes("make(chan *int, 64)", { go: "1.26" }), ["112→112", "512→512"]);
  assert.deepEqual(sizes("make(chan *int, 65)", { go: "1.26" }), ["112→112", "520→576"]);
  assert.equal(simulate("make(chan *int, 65)", { go: "1.26" }).allocations[1].noscan, false);
});

test("a channel never lives in a frame", () => {
  for (const c of ["make(chan int, 10) [stack]", "_ = make(chan int, 10)"]) assert.deepEqual(sizes(c, { go: "1.27" }), ["192→192"], c);
});
