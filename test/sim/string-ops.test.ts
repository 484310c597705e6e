/**
 * The string and growth operations in the simulator, rule by rule, on both sides of each edge
 * (the rules and their sources: kernel-helpers/sim/concat.ts, convert.ts, slice-growth.ts,
 * builders.ts). The recorded runs judge the numbers (string-ops-agreement.test.ts); these tests
 * pin which rule decides.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../kernel-helpers/errors";
import { simulate } from "../../kernel-helpers/sim";
import { sizes } from "./helpers";

const VERSIONS = ["1.19", "1.26", "1.27"];
const notes = (c: string, go: string) => simulate(c, { go }).notes.join("\n");

test("a + b: a result that does not escape uses the 32-byte stack buffer, up to 32 bytes", () => {
  for (const go of VERSIONS) {
    assert.deepEqual(sizes("concat(16, 16) [stack]", { go }), []);
    assert.deepEqual(sizes("_ = concat(16, 16)", { go }), []);
    assert.deepEqual(sizes("concat(16, 17) [stack]", { go }), ["33→48"]);
    // Escaping, even 8 bytes go to the heap: rawstring asks for exactly the length (tiny here).
    assert.deepEqual(sizes("concat(3, 5)", { go }), ["8→16"]);
    assert.deepEqual(sizes("concat(16, 16)", { go }), ["32→32"]);
  }
});

test("a + b with one non-empty string, or none, returns without allocating", () => {
  assert.deepEqual(sizes("concat(0, 40)", { go: "1.26" }), []);
  assert.deepEqual(sizes("concat(0, 0)", { go: "1.19" }), []);
  assert.match(notes("concat(0, 40)", "1.26"), /only one string is non-empty/);
});

test("s += x in a loop never gets the stack buffer: every step from the second allocates its whole length", () => {
  for (const escape of ["", " [stack]"]) {
    const r = simulate(`concatloop(3, 10)${escape}`, { go: "1.26" });
    assert.deepEqual(r.allocations.map((a) => a.size), [6, 9, 12, 15, 18, 21, 24, 27, 30]);
  }
  assert.deepEqual(sizes("concatloop(0, 10)", { go: "1.19" }), []);
  assert.deepEqual(sizes("concatloop(7, 1)", { go: "1.19" }), []);
});

test("string(b): 0 and 1 bytes never allocate, 2 to 32 only when the string escapes", () => {
  for (const go of VERSIONS) {
    assert.deepEqual(sizes("string(0-byte []byte)", { go }), []);
    assert.deepEqual(sizes("string(1-byte []byte)", { go }), []);
    assert.deepEqual(sizes("string(2-byte []byte)", { go }), ["2→16"]);
    assert.deepEqual(sizes("string(32-byte []byte) [stack]", { go }), []);
    assert.deepEqual(sizes("string(33-byte []byte) [stack]", { go }), ["33→48"]);
  }
  assert.match(notes("string(1-byte []byte)", "1.19"), /staticuint64s/);
});

test("[]byte(s) asks for its length rounded up to a size class; 1.26 shares the string's bytes when it stays local", () => {
  assert.deepEqual(sizes("[]byte(17-byte string)", { go: "1.26" }), ["24→24"]);
  assert.deepEqual(sizes("[]byte(9-byte string)", { go: "1.19" }), ["16→16"]);
  assert.deepEqual(sizes("[]byte(32-byte string) [stack]", { go: "1.19" }), []);
  assert.deepEqual(sizes("[]byte(33-byte string) [stack]", { go: "1.19" }), ["48→48"]);
  for (const go of ["1.26", "1.27"]) {
    assert.deepEqual(sizes("[]byte(1000-byte string) [stack]", { go }), []);
    assert.match(notes("[]byte(1000-byte string) [stack]", go), /zero-copy/);
  }
});

test("[]rune(s): a 32-rune stack buffer, else 4 bytes a rune rounded up to a size class", () => {
  assert.deepEqual(sizes("[]rune(32-byte string) [stack]", { go: "1.26" }), []);
  assert.deepEqual(sizes("[]rune(33-byte string) [stack]", { go: "1.26" }), ["144→144"]);
  assert.deepEqual(sizes("[]rune(5-byte string)", { go: "1.19" }), ["24→24"]);
  assert.deepEqual(sizes("[]rune(0-byte string)", { go: "1.19" }), ["0→0"]);
});

test("append(s, t...) grows straight to the length asked when that is more than double, with no stack buffer", () => {
  for (const go of VERSIONS) {
    assert.deepEqual(sizes("append([]int, 5...) [stack]", { go }), ["48→48"]);
    assert.deepEqual(sizes("append(make([]int, 3), 7...) [stack]", { go }), ["80→80"]);
    assert.deepEqual(sizes("append(make([]int, 3), 1...) [stack]", { go }), ["48→48"]);
    assert.deepEqual(sizes("append(make([]int, 0, 10), 10...)", { go }), ["80→80"]);
  }
});

test("slices.Grow grows to cap + the room missing; Go 1.19 has no package slices", () => {
  assert.deepEqual(sizes("slices.Grow(make([]int, 5, 10), 5)", { go: "1.26" }), ["80→80"]);
  assert.deepEqual(sizes("slices.Grow(make([]int, 5, 10), 6)", { go: "1.26" }), ["80→80", "160→160"]);
  assert.throws(() => simulate("slices.Grow([]int, 5)", { go: "1.19" }), (e) => e instanceof InputError && /needs Go 1.21/.test(e.message));
});

test("strings.Builder.Grow makes exactly 2*cap+n in 1.19, rounded up to a size class since", () => {
  assert.deepEqual(sizes("strings.Builder(3, 10, 29)", { go: "1.19" }), ["29→32", "64→64"]);
  assert.deepEqual(sizes("strings.Builder(3, 10, 29)", { go: "1.26" }), ["32→32"]);
  assert.deepEqual(sizes("strings.Builder(3, 0)", { go: "1.26" }), []);
});

test("bytes.Buffer starts with 64 bytes, then at least doubles through append's rounding", () => {
  for (const go of VERSIONS) {
    assert.deepEqual(sizes("bytes.Buffer(3, 21)", { go }), ["64→64"]);
    assert.deepEqual(sizes("bytes.Buffer(3, 22)", { go }), ["64→64", "128→128"]);
    assert.deepEqual(sizes("bytes.Buffer(65, 1)", { go }), ["80→80"]);
    assert.deepEqual(sizes("bytes.Buffer(3, 10, 0)", { go }), ["64→64"]);
  }
});

test("long runs of writes jump from growth to growth", () => {
  const r = simulate("strings.Builder(1, 100000000)", { go: "1.26" });
  assert.ok(r.mallocs < 100, `${r.mallocs} growths`);
  assert.ok(r.allocatedBytes >= 100_000_000);
});
