import { test } from "node:test";
import assert from "node:assert/strict";
import { SIZE_CLASSES, sizeClassOf, sizeBucket } from "../../kernel-helpers/alloc";

test("each version's tables come from its own sizeclasses.go and name it", () => {
  assert.equal(SIZE_CLASSES["1.19.8"].source, "runtime/sizeclasses.go");
  assert.equal(SIZE_CLASSES["1.26.8"].source, "internal/runtime/gc/sizeclasses.go");
  for (const [go, sc] of Object.entries(SIZE_CLASSES)) {
    assert.equal(sc.go, go);
    assert.equal(sc.classToSize.length, sc.numSizeClasses);
    assert.equal(sc.classToSize[sc.numSizeClasses - 1], sc.maxSmallSize);
  }
});

test("sizeClassOf picks the smallest class that holds the size, for every small size", () => {
  for (const sc of Object.values(SIZE_CLASSES)) {
    for (let size = 1; size <= sc.maxSmallSize; size++) {
      const c = sizeClassOf(sc, size);
      assert.ok(sc.classToSize[c] >= size, `${size} fits class ${c}`);
      assert.ok(c === 1 || sc.classToSize[c - 1] < size, `${size}: class ${c - 1} would do`);
    }
  }
});

test("metrics buckets run from the previous class + 1 to the class, large objects last", () => {
  const sc = SIZE_CLASSES["1.26.8"];
  assert.deepEqual(sizeBucket(sc, 1), { min: 1, max: 8 });
  assert.deepEqual(sizeBucket(sc, 33), { min: 1025, max: 1152 });
  assert.deepEqual(sizeBucket(sc, 0), { min: 32769, max: null });
});
