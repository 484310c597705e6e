/**
 * Closures in the simulator (kernel-helpers/sim/closure.ts), read as a specification: by value up
 * to 128 bytes unless reassigned, the closure's struct, the variables moved to the heap, and
 * 1.26's one allocation for small pointer-free variables declared together.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../../kernel-helpers/sim";
import { sizes } from "./helpers";

const ALL = ["1.19", "1.26", "1.27"];

test("a closure without variables, or one that does not escape, allocates nothing", () => {
  for (const go of ALL) {
    assert.deepEqual(sizes("closure()", { go }), []);
    assert.deepEqual(sizes("closure(int) [reassigned, stack]", { go }), []);
    assert.deepEqual(sizes("_ = closure([17]int)", { go }), []);
  }
});

test("by value up to 128 bytes: the value is copied into the closure's struct", () => {
  for (const go of ALL) {
    assert.deepEqual(sizes("closure([16]int)", { go }), ["136→144"], "8 + 128");
    assert.deepEqual(sizes("closure([17]int)", { go }), ["136→144", "16→16"], "[17]int is moved to the heap; the closure holds a pointer");
    assert.equal(simulate("closure(int)", { go }).allocations[0].noscan, true, "struct{F uintptr; X0 int} has no pointers");
  }
});

test("reassigned variables are captured by reference: 1.19 moves each to the heap, 1.26 puts small pointer-free ones together", () => {
  assert.deepEqual(sizes("closure(int32, int32, int64) [reassigned]", { go: "1.19" }), ["4→16", "4→0", "8→0", "32→32"]);
  assert.deepEqual(sizes("closure(int32, int32, int64) [reassigned]", { go: "1.26" }), ["16→16", "32→32"]);
  assert.deepEqual(sizes("closure(int64, int64, int64) [reassigned]", { go: "1.26" }), ["16→16", "8→16", "32→32"], "the third does not fit the first 16 bytes");
  assert.deepEqual(sizes("closure(int32, *int, int32) [reassigned]", { go: "1.26" }), ["8→16", "8→8", "32→32"], "a pointer variable has its own newobject");
  assert.deepEqual(sizes("closure(int) [reassigned]", { go: "1.27" }).length, 2);
});

test("1.27 calls the size-specialised functions for the closure, and for variables moved together", () => {
  const r = simulate("closure(int32, int32) [reassigned]", { go: "1.27" });
  assert.deepEqual(r.allocations.map((a) => a.site), ["runtime.mallocgcTinySC2", "runtime.mallocgcSmallScanNoHeaderSC3"]);
  assert.equal(simulate("closure(int) [reassigned]", { go: "1.27" }).allocations[0].site, "runtime.newobject", "one variable alone stays newobject");
  assert.deepEqual(simulate("closure(int32, int32) [reassigned]", { go: "1.26" }).allocations.map((a) => a.site), ["runtime.mallocgc", "runtime.newobject"]);
});
