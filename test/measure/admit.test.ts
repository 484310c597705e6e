/** What a batch may hold: each case under the memory cap, and the batch as a whole (keys are built for every case at once). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { InputError } from "../../kernel-helpers/errors";
import { admitCases } from "../../kernel-helpers/measure";
import { callBytes, estimateBatchBytes, heldBytes } from "../../kernel-helpers/measure/estimate";

const GiB = 1 << 30;

test("thirty big maps are admitted: a batch holds one call at a time, not thirty", () => {
  const cases = Array.from({ length: 30 }, () => "make(map[int]int, 11000000)");
  const admitted = admitCases(cases, GiB);
  assert.equal(admitted.length, 30);
  assert.equal(estimateBatchBytes(admitted), callBytes(admitted[0]));
});

test("map inserts whose keys together pass the cap are refused before anything is built", () => {
  const one = parseCase('{"op":"mapinsert","key":"string","elem":"int","n":4000000}');
  assert.ok(heldBytes(one) * 10 > GiB, "the keys of ten cases pass the cap");
  assert.doesNotThrow(() => admitCases([one], GiB));
  assert.throws(() => admitCases(Array.from({ length: 10 }, () => one), GiB), (e: unknown) =>
    e instanceof InputError && /^these 10 cases would hold about [\d.]+ GiB at once .*over the memory cap \(1 GiB\)/.test(e.message));
});

test("a case over the cap is named, with sizes a reader takes in", () => {
  assert.throws(() => admitCases(["make([]int, 1)", "make([]int, 1000000000)"], GiB), (e: unknown) =>
    e instanceof InputError && /^case 2 would hold about 7\.45 GiB, over the memory cap \(1 GiB\)/.test(e.message));
});

test("a += loop keeps every string it drops (GC is off during a call): refused by its quadratic bytes", () => {
  const loop = parseCase("concatloop(1000, 100000)");
  assert.ok(callBytes(loop) > 1000 * 100000 * 100000 / 2, "at least the sum of the lengths 1000 … 10^8");
  assert.throws(() => admitCases([loop], GiB), (e: unknown) => e instanceof InputError && /^case 1 would hold about/.test(e.message));
  assert.doesNotThrow(() => admitCases(["concatloop(1000, 1000)", "strings.Builder(1000, 100000)", "[]rune(1000000-byte string)"], GiB));
});
