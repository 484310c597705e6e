/** Chapter 5's experiments on the Go on PATH, at small sizes: one build, rows for every benchmark and case. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { collectionCosts, lookupTimings } from "../../kernel-helpers/experiments";

test("lookupTimings: every operation at every size, once per run", { timeout: 120_000 }, async () => {
  const rows = await lookupTimings({ sizes: [8, 64], runs: 2, benchtime: "1ms" });
  assert.equal(rows.length, 2 * 2 * 4);
  for (const run of [0, 1]) {
    const mine = rows.filter((r) => r.run === run).map((r) => `${r.task} ${r.structure} ${r.n}`).sort();
    assert.deepEqual(mine, ["iterate map 64", "iterate map 8", "iterate slice 64", "iterate slice 8", "look-up map 64", "look-up map 8", "look-up slice 64", "look-up slice 8"]);
  }
  assert.ok(rows.every((r) => r.nsPerOp > 0 && /^\d+\.\d+/.test(r.go)));
});

test("collectionCosts: a slice made to size is one allocation; growing one is more", { timeout: 120_000 }, async () => {
  const rows = await collectionCosts({ sizes: [1000], runs: 3 });
  const of = (structure: string, sizing: string) => rows.find((r) => r.structure === structure && r.sizing === sizing)!;
  assert.equal(of("slice", "size known").mallocs, 1);
  assert.equal(of("slice", "size known").allocatedBytes >= 1000 * 16, true, "1000 pairs of 16 B");
  assert.ok(of("slice", "size unknown").mallocs > 1);
  assert.ok(of("map", "size unknown").mallocs > of("map", "size known").mallocs);
});
