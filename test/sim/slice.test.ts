import { test } from "node:test";
import assert from "node:assert/strict";
import { debugBuild, simulate, versionModel } from "../../kernel-helpers/sim";
import { Heap } from "../../kernel-helpers/sim/malloc";
import { growslice, nextSliceCap } from "../../kernel-helpers/sim/slice";
import { typeInfo } from "../../kernel-helpers/sim/typeinfo";
import { sizes } from "./helpers";

test("growslice doubles below 256 elements, then grows by (cap + 768) / 4", () => {
  assert.equal(nextSliceCap(1, 0), 1);
  assert.equal(nextSliceCap(5, 4), 8);
  assert.equal(nextSliceCap(257, 256), 512);
  assert.equal(nextSliceCap(1001, 1000), 1442);
  assert.equal(nextSliceCap(10, 2), 10);
});

test("1.19 asks mallocgc for the rounded size, 1.26 for newcap × size", () => {
  const c = { op: "append", elem: "[200]byte", n: 1, start: "nil", escape: "heap" } as const;
  assert.deepEqual(sizes(c, { go: "1.19" }), ["208→208"]);
  assert.deepEqual(sizes(c, { go: "1.26" }), ["200→208"]);
});

test("appends from nil grow 1, 2, 4, 8 … in 1.19; 1.26 starts in a 32-byte stack buffer", () => {
  const c = { op: "append", elem: "int", n: 9, start: "nil", escape: "heap" } as const;
  assert.deepEqual(sizes(c, { go: "1.19" }), ["8→16", "16→16", "32→32", "64→64", "128→128"]);
  assert.deepEqual(sizes(c, { go: "1.26" }), ["64→64", "128→128"]);
  // Still in the buffer at the end: moved to the heap, rounded up to a size class from its length.
  assert.deepEqual(sizes({ ...c, n: 3 }, { go: "1.26" }), ["24→24"]);
  assert.deepEqual(sizes({ ...c, n: 3 }, { go: "1.26", debug: true }), ["8→16", "16→16", "32→32"]);
});

test("1.26: a non-escaping append stays in its buffer; `_ = s` still moves it out", () => {
  const c = { op: "append", elem: "int", n: 4, start: "nil", escape: "stack" } as const;
  assert.deepEqual(sizes(c, { go: "1.26" }), []);
  assert.deepEqual(sizes({ ...c, escape: "discard" }, { go: "1.26" }), ["32→32"]);
  assert.deepEqual(sizes({ ...c, start: "make", len: 0, cap: 0, escape: "discard" }, { go: "1.26" }), []);
});

test("appends jump from growth to growth, and agree with a loop of single appends", () => {
  for (const go of ["1.19", "1.26"]) {
    const v = debugBuild(versionModel(go)); // no stack buffer: plain growslice from the first append
    for (const n of [0, 1, 7, 100, 257, 1000, 4097]) {
      const heap = new Heap(v, true);
      let len = 0;
      let cap = 0;
      for (let i = 0; i < n; i++, len++) if (len === cap) cap = growslice(heap, typeInfo("[3]int"), cap, len + 1, "loop");
      const r = simulate({ op: "append", elem: "[3]int", n, start: "nil", escape: "heap" }, { go, debug: true });
      assert.deepEqual(r.allocations.map((a) => a.size), heap.records!.map((a) => a.size), `Go ${go}, n = ${n}`);
    }
  }
  const big = simulate({ op: "append", elem: "byte", n: 1e13, start: "nil", escape: "heap" }, { go: "1.26" });
  assert.ok(big.mallocs > 50 && big.mallocs < 200);
});

test("zero-sized elements allocate nothing: growslice returns zerobase without a call", () => {
  const r = simulate({ op: "append", elem: "struct{}", n: 100, start: "nil", escape: "heap" }, { go: "1.26" });
  assert.equal(r.mallocgcCalls, 0);
  const m = simulate("make([]struct{}, 10)", { go: "1.26" });
  assert.equal(m.mallocgcCalls, 1, "makeslice calls mallocgc(0)");
  assert.equal(m.mallocs, 0);
});

test("a slice over maxAlloc panics in Go, and the simulator says so", () => {
  assert.throws(() => simulate("make([]int, 100000000000000)", { go: "1.26" }), /panic/);
  assert.throws(() => simulate({ op: "append", elem: "[1000000]byte", n: 1_000_000_000, start: "nil", escape: "heap" }, { go: "1.19" }), /panic/);
});
