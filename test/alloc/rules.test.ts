/** The allocator's rules per version: the modelled ones, and those derived for a version never seen. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { allocRules, MODELLED_RULES, releaseOf, SIZE_CLASSES, sizeSpecializedMalloc } from "../../kernel-helpers/alloc";
import { InputError } from "../../kernel-helpers/errors";

const facts = (go: string) => {
  const { tinySize, maxSmall, headers, sizeSpecialized } = MODELLED_RULES[go];
  return { tinySize, maxSmall, headers, sizeSpecialized };
};

test("the modelled versions: no header in 1.19.8, 8-byte headers over 512 B from 1.26.8, size-specialised malloc to 80 B in 1.27.3", () => {
  assert.deepEqual(Object.keys(MODELLED_RULES), ["1.19.8", "1.26.8", "1.27.3"]);
  assert.deepEqual(facts("1.19.8"), { tinySize: 16, maxSmall: 32768, headers: null, sizeSpecialized: 0 });
  assert.deepEqual(facts("1.26.8"), { tinySize: 16, maxSmall: 32760, headers: { size: 8, above: 512 }, sizeSpecialized: 0 });
  assert.deepEqual(facts("1.27.3"), { tinySize: 16, maxSmall: 32760, headers: { size: 8, above: 512 }, sizeSpecialized: 80 });
  for (const [go, rules] of Object.entries(MODELLED_RULES)) assert.equal(rules.sizeClasses, SIZE_CLASSES[go]);
});

test("a version the lab never saw gets the facts of the latest release at or before it, with its own tables", () => {
  const sc = SIZE_CLASSES["1.26.8"];
  assert.equal(allocRules("1.21.13", sc).headers, null, "malloc headers came with 1.22");
  assert.deepEqual(allocRules("1.22.0", sc).headers, { size: 8, above: 512 });
  assert.equal(allocRules("1.22rc1", sc).maxSmall, 32760);
  assert.equal(allocRules("1.26.0", sc).sizeSpecialized, 0);
  assert.equal(allocRules("go1.30.1", sc).sizeSpecialized, 80);
  assert.equal(allocRules("1.30.1", sc).sizeClasses, sc);
});

test("size-specialised malloc: absent before 1.26, opt-in in 1.26, on by default from 1.27", () => {
  assert.deepEqual(sizeSpecializedMalloc("1.19.8"), { byDefault: false, experiment: false });
  assert.deepEqual(sizeSpecializedMalloc("1.25.0"), { byDefault: false, experiment: false });
  assert.deepEqual(sizeSpecializedMalloc("1.26.8"), { byDefault: false, experiment: true });
  assert.deepEqual(sizeSpecializedMalloc("1.27.3"), { byDefault: true, experiment: true });
});

test("releaseOf reads major and minor, and refuses what is not a Go version", () => {
  assert.deepEqual(releaseOf("1.26.8"), [1, 26]);
  assert.deepEqual(releaseOf("go1.27.3"), [1, 27]);
  assert.throws(() => releaseOf("devel"), InputError);
});
