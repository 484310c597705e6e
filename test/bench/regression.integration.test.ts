/**
 * Speed must not silently regress: each ratio in bench/baseline.json (recorded by
 * `npm run bench -- --write`) is measured again, sampled, in this run, and must be at least half of
 * its recorded value. Ratios, not times: the machine is shared and noisy.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { benchMeasure } from "../../bench/measure-batch";
import type { Baseline } from "../../bench/run";

const baseline: Baseline = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "bench", "baseline.json"), "utf8"));

test("batch measurement keeps at least half of its recorded advantage over one program per case", async () => {
  const recorded = baseline.ratios["measure: batch vs one program per case"];
  assert.ok(recorded > 0, "baseline ratio missing");
  const f = await benchMeasure({ sample: 8, altSample: 0 });
  const now = f.rows[1].ratio;
  process.stdout.write(`# bench regression: batch vs per-case ${now.toFixed(1)}× now, ${recorded.toFixed(1)}× recorded ${baseline.date}\n`);
  assert.ok(now >= recorded / 2, `ratio fell to ${now.toFixed(1)}× from ${recorded.toFixed(1)}×`);
  assert.ok(now >= 20, `issue 2's target is 20×; now ${now.toFixed(1)}×`);
});
