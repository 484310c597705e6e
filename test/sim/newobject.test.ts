/**
 * new(T) and &T{} in the simulator (kernel-helpers/sim/newobject.ts), read as a specification:
 * the tiny allocator packs small pointer-free objects, zero-sized types take no call, 1.27 calls
 * the size-specialised function up to 80 bytes, and only objects over 64 KiB leave a frame.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../../kernel-helpers/sim";
import { sizes, selfConsistent } from "./helpers";

const VERSIONS = ["1.19", "1.26", "1.27"];

test("the tiny allocator packs new(int32) four to a 16-byte block, on every version", () => {
  for (const go of VERSIONS) {
    const r = simulate("new(int32) [10 times]", { go });
    selfConsistent(r);
    assert.equal(r.mallocs, 10);
    assert.equal(r.tinyAllocs, 7, "7 of 10 fit a block already open");
    assert.equal(r.allocatedBytes, 48, "three blocks");
  }
});

test("16 bytes and pointers leave the tiny allocator", () => {
  assert.deepEqual(sizes("new([15]byte) [2 times]", { go: "1.26" }), ["15→16", "15→16"], "15 B: tiny, but two do not share a block");
  assert.deepEqual(sizes("new([16]byte) [2 times]", { go: "1.26" }), ["16→16", "16→16"]);
  assert.equal(simulate("new([16]byte)", { go: "1.26" }).allocations[0].path, "small");
  assert.equal(simulate("new(*int)", { go: "1.26" }).allocations[0].path, "small");
});

test("a zero-sized new takes no call at all", () => {
  const r = simulate("new(struct{}) [3 times]", { go: "1.27" });
  assert.equal(r.mallocgcCalls, 0);
  assert.match(r.notes.join(" "), /zerobase/);
});

test("1.27 calls the size-specialised function of T's class up to 80 bytes; 1.19 and 1.26 call newobject", () => {
  const site = (c: string, go: string) => simulate(c, { go }).allocations[0].site;
  assert.equal(site("new(int32)", "1.27"), "runtime.mallocgcTinySC2");
  assert.equal(site("new([80]byte)", "1.27"), "runtime.mallocgcSmallNoScanSC7");
  assert.equal(site("new([10]*int)", "1.27"), "runtime.mallocgcSmallScanNoHeaderSC7");
  assert.equal(site("new([81]byte)", "1.27"), "runtime.newobject");
  for (const go of ["1.19", "1.26"]) assert.equal(site("new(int32)", go), "runtime.newobject");
});

test("an object that does not escape stays in the frame up to 64 KiB", () => {
  for (const go of VERSIONS) {
    assert.deepEqual(sizes("new([65536]byte) [stack]", { go }), []);
    assert.deepEqual(sizes("new([65537]byte) [stack]", { go }), ["65537→73728"]);
    assert.deepEqual(sizes("_ = new([65537]byte)", { go }), ["65537→73728"]);
  }
});

test("a pointerful object over 512 bytes carries a malloc header from 1.22 on", () => {
  assert.deepEqual(sizes("new([64]*int)", { go: "1.26" }), ["512→512"]);
  assert.deepEqual(sizes("new([72]*int)", { go: "1.19" }), ["576→576"]);
  assert.deepEqual(sizes("new([72]*int)", { go: "1.26" }), ["576→640"], "576 + 8 bytes of header");
});
