/**
 * Chapter 5's timing program and the collection cases, without Go: only validated sizes reach the
 * Go source, and the benchmark lines are read back into rows.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkSizes, collectionCases, lookupProgram, parseLookupOutput, PAIR } from "../../kernel-helpers/experiments";
import { InputError } from "../../kernel-helpers/errors";
import { parseCase } from "../../kernel-helpers/case";

test("sizes must be whole, ascending and within 1 … 1,000,000", () => {
  assert.deepEqual(checkSizes([8, 64, 1_000_000]), [8, 64, 1_000_000]);
  for (const bad of [[], [0], [8, 8], [64, 8], [1.5], [1_000_001], [Number.NaN]]) {
    assert.throws(() => checkSizes(bad), InputError, JSON.stringify(bad));
  }
  assert.throws(() => lookupProgram([8, "1}; os.Exit(1); var x = []int{1" as unknown as number]), InputError, "nothing but numbers reaches the Go source");
});

test("the program times four operations over the sizes given", () => {
  const src = lookupProgram([8, 1024]);
  assert.match(src, /var sizes = \[\]int\{8, 1024\}/);
  for (const b of ["LookupMap", "LookupSlice", "IterateMap", "IterateSlice"]) assert.match(src, new RegExp(`func Benchmark${b}\\(b \\*testing\\.B\\)`));
});

test("benchmark lines become rows; other lines are ignored", () => {
  const out = [
    "goos: linux",
    "BenchmarkLookupMap/8-2   \t 1411354\t        14.25 ns/op",
    "BenchmarkLookupSlice/1000000-2    \t      76\t   2555034 ns/op",
    "BenchmarkIterateMap/16         \t   99247\t       614.8 ns/op",
    "BenchmarkIterateSlice/8-2           \t 3298396\t        17.07 ns/op",
    "PASS",
  ].join("\n");
  assert.deepEqual(parseLookupOutput(out, "1.26.8", 3), [
    { go: "1.26.8", run: 3, n: 8, task: "look-up", structure: "map", nsPerOp: 14.25 },
    { go: "1.26.8", run: 3, n: 1_000_000, task: "look-up", structure: "slice", nsPerOp: 2555034 },
    { go: "1.26.8", run: 3, n: 16, task: "iterate", structure: "map", nsPerOp: 614.8 },
    { go: "1.26.8", run: 3, n: 8, task: "iterate", structure: "slice", nsPerOp: 17.07 },
  ]);
});

test("four ways of holding n pairs, each a valid case of n elements", () => {
  const ways = collectionCases(100);
  assert.deepEqual(ways.map((w) => `${w.structure}, ${w.sizing}`), ["map, size unknown", "map, size known", "slice, size unknown", "slice, size known"]);
  for (const w of ways) assert.deepEqual(parseCase(w.case), w.case);
  assert.ok(ways.every((w) => (w.case as { n: number }).n === 100));
  assert.equal(ways[2].case.op === "append" && ways[2].case.elem, PAIR);
});
