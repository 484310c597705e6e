import { test } from "node:test";
import assert from "node:assert/strict";
import { versionModel } from "../../kernel-helpers/sim";
import { Heap } from "../../kernel-helpers/sim/malloc";

const v119 = versionModel("1.19");
const v126 = versionModel("1.26");

test("size 0 returns zerobase: a call, not a malloc", () => {
  const h = new Heap(v126, true);
  h.malloc(0, true, "runtime.makeslice", "test");
  assert.equal(h.calls, 1);
  assert.equal(h.mallocs, 0);
  assert.equal(h.records![0].path, "zero");
});

test("the tiny allocator packs noscan objects under 16 B into 16-byte blocks, aligned by size", () => {
  const h = new Heap(v126, true);
  for (const size of [8, 8, 8, 1, 4, 2, 15, 6]) h.malloc(size, true, "runtime.newobject", "test");
  // 8: new block; 8: fits at 8; 8: new block (replaces the full one); 1: at 8; 4: aligned to 12;
  // 2: new block; 15: does not fit at 2, takes a new block but keeps the emptier old one; 6: at 2.
  assert.deepEqual(h.records!.map((r) => r.rounded), [16, 0, 16, 0, 0, 16, 16, 0]);
  assert.equal(h.mallocs, 8);
  assert.equal(h.tinyInBlock, 4);
  assert.equal(h.allocated, 64);
});

test("scan objects never use the tiny allocator; 16 B is small class 2", () => {
  const h = new Heap(v126, true);
  h.malloc(8, false, "x", "t");
  h.malloc(16, true, "x", "t");
  assert.deepEqual(h.records!.map((r) => [r.path, r.rounded, r.sizeClass]), [["small", 8, 1], ["small", 16, 2]]);
});

test("malloc headers: 1.26 scan objects over 512 B take 8 more bytes, 1.19 has none", () => {
  for (const [v, rounded] of [[v126, 576], [v119, 576]] as const) {
    const h = new Heap(v, true);
    h.malloc(520, false, "x", "t");
    assert.equal(h.records![0].rounded, rounded);
  }
  const a = new Heap(v126, true);
  a.malloc(1024, false, "x", "t");
  const b = new Heap(v119, true);
  b.malloc(1024, false, "x", "t");
  assert.equal(a.records![0].rounded, 1152);
  assert.equal(b.records![0].rounded, 1024);
});

test("32768 bytes is the last small size in 1.19 and a large object in 1.26", () => {
  const a = new Heap(v119, true);
  a.malloc(32768, true, "x", "t");
  const b = new Heap(v126, true);
  b.malloc(32768, true, "x", "t");
  assert.equal(a.records![0].path, "small");
  assert.equal(b.records![0].path, "large");
  assert.equal(b.records![0].rounded, 32768);
  const c = new Heap(v126, true);
  c.malloc(32769, true, "x", "t");
  assert.equal(c.records![0].rounded, 40960);
});

test("a run refuses to list more allocations than its limit", () => {
  const h = new Heap(v126, true, 3);
  for (let i = 0; i < 3; i++) h.malloc(8, false, "x", "t");
  assert.throws(() => h.malloc(8, false, "x", "t"), /more than the simulator lists/);
});

test("repeatMarked makes the calls since mark again as mallocgc would, and refuses after a tiny one", () => {
  for (const recording of [true, false]) {
    const made = new Heap(v126, recording);
    const repeated = new Heap(v126, recording);
    for (const h of [made, repeated]) h.malloc(6000, true, "x", "a");
    for (let i = 0; i < 4; i++) {
      made.malloc(32, false, "x", "table");
      made.malloc(9000, false, "x", "groups");
    }
    repeated.mark();
    repeated.malloc(32, false, "x", "table");
    repeated.malloc(9000, false, "x", "groups");
    assert.equal(repeated.repeatMarked(3), true);
    const totals = (h: Heap) => [h.mallocs, h.calls, h.bytes, h.allocated, h.tinyInBlock, JSON.stringify(h.records)];
    assert.deepEqual(totals(repeated), totals(made));
  }
  const tiny = new Heap(v126, true);
  tiny.mark();
  tiny.malloc(8, true, "x", "a tiny one");
  tiny.malloc(32, false, "x", "b");
  assert.equal(tiny.repeatMarked(5), false, "the tiny block would move");
  assert.equal(tiny.calls, 2);
  tiny.mark();
  tiny.malloc(32, false, "x", "b");
  assert.equal(tiny.repeatMarked(5), true);
  assert.equal(tiny.calls, 8);
  assert.equal(tiny.records!.length, 8);
});

test("runs made again are listed in place among the calls around them, however many runs", () => {
  const made = new Heap(v126, true);
  const repeated = new Heap(v126, true);
  // Two runs (one of one call, one of three), with calls before, between and after them.
  const run = (h: Heap, sizes: number[]) => sizes.forEach((size, i) => h.malloc(size, i % 2 === 0, "x", `call of ${size}`));
  run(made, [48, 8192]);
  for (let i = 0; i < 5; i++) run(made, [32]);
  run(made, [64, 100000]);
  for (let i = 0; i < 3; i++) run(made, [32, 17408, 600]);
  run(made, [7000]);
  run(repeated, [48, 8192]);
  repeated.mark();
  run(repeated, [32]);
  assert.equal(repeated.repeatMarked(4), true);
  run(repeated, [64, 100000]);
  repeated.mark();
  run(repeated, [32, 17408, 600]);
  assert.equal(repeated.repeatMarked(2), true);
  run(repeated, [7000]);
  assert.equal(repeated.calls, made.calls);
  assert.equal(JSON.stringify(repeated.records), JSON.stringify(made.records));
  assert.deepEqual(repeated.records!.map((r) => r.size), [48, 8192, 32, 32, 32, 32, 32, 64, 100000, 32, 17408, 600, 32, 17408, 600, 32, 17408, 600, 7000]);
});

test("repeatMarked keeps the record limit", () => {
  const h = new Heap(v126, true, 10);
  h.mark();
  h.malloc(32, false, "x", "a");
  assert.throws(() => h.repeatMarked(10), /more than the simulator lists/);
});
