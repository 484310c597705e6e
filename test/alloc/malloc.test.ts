/** mallocgc's path, size class and bytes taken, as the tracer applies them to what it saw. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { AllocRules, classify, TinyBlock } from "../../kernel-helpers/alloc";

// A small, made-up table in the runtime's format: classes of 8, 16, 32, 48, 1024 and 2048 bytes.
const rules = (headers: AllocRules["headers"], maxSmall: number): AllocRules => ({
  go: "test",
  sizeClasses: {
    go: "test", source: "made up", maxSmallSize: 2048, numSizeClasses: 7, pageShift: 13,
    classToSize: [0, 8, 16, 32, 48, 1024, 2048],
    classToNPages: [0, 1, 1, 1, 1, 1, 1],
    sizeToClass8: [0, 1, 2, 3, 3, 4, 4, ...Array(122).fill(5)],
    sizeToClass128: [5, 6, 6, 6, 6, 6, 6, 6, 6],
    smallSizeDiv: 8, smallSizeMax: 1024, largeSizeDiv: 128,
  },
  tinySize: 16, maxSmall, headers, sizeSpecialized: 0,
});
const classic = rules(null, 2048);
const headers = rules({ size: 8, above: 512 }, 2040);

test("size 0 is the zero path and takes nothing", () => {
  assert.deepEqual(classify(0, true, classic, new TinyBlock()), { path: "zero", rounded: 0, sizeClass: 0 });
});

test("tiny: noscan under 16 B shares a 16-byte block; a new block takes 16 bytes", () => {
  const tiny = new TinyBlock();
  assert.deepEqual(classify(8, true, classic, tiny), { path: "tiny", rounded: 16, sizeClass: 2 });
  assert.equal(classify(8, true, classic, tiny).rounded, 0, "the second 8 bytes fit");
  assert.equal(classify(1, true, classic, tiny).rounded, 16, "the block is full");
  assert.equal(classify(1, true, classic, tiny).rounded, 0);
  tiny.reset();
  assert.equal(classify(1, true, classic, tiny).rounded, 16, "a fresh mcache has no block");
  assert.equal(classify(8, false, classic, new TinyBlock()).path, "small", "pointers never go tiny");
});

test("small objects round up to their class; scan objects over 512 B carry a header from Go 1.22", () => {
  assert.deepEqual(classify(33, true, classic, new TinyBlock()), { path: "small", rounded: 48, sizeClass: 4 });
  assert.equal(classify(1024, false, classic, new TinyBlock()).rounded, 1024);
  assert.equal(classify(1024, false, headers, new TinyBlock()).rounded, 2048, "1024 + 8-byte header");
  assert.equal(classify(1024, true, headers, new TinyBlock()).rounded, 1024, "noscan: no header");
});

test("large objects take whole pages; the limit moves by the header size", () => {
  assert.deepEqual(classify(2048, true, classic, new TinyBlock()), { path: "small", rounded: 2048, sizeClass: 6 });
  assert.deepEqual(classify(2048, true, headers, new TinyBlock()), { path: "large", rounded: 8192, sizeClass: 0 });
  assert.equal(classify(8193, true, classic, new TinyBlock()).rounded, 16384);
});
