/**
 * Speed must not silently regress: each ratio in bench/baseline.json (recorded by
 * `npm run bench -- --write`) is measured again, sampled, in this run, and must be at least half of
 * its recorded value. Ratios, not times: the machine is shared and noisy.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { alternativeRatioKey, benchMeasure } from "../../bench/measure-batch";
import { benchSim, simRatios } from "../../bench/sim";
import { benchPredictFrom, predictFromRatios } from "../../bench/predict-from";
import { benchTrace, TRACE_COUNT_WITH_BUILD_RATIO, TRACE_PIN_RATIOS } from "../../bench/trace";
import { canPin } from "../../kernel-helpers/proc";
import type { Baseline } from "../../bench/run";

const baseline: Baseline = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "bench", "baseline.json"), "utf8"));

test("batch measurement keeps at least half of its recorded advantage over one program per case, go test -bench and testing.AllocsPerRun", async () => {
  const recorded = baseline.ratios["measure: batch vs one program per case"];
  assert.ok(recorded > 0, "baseline ratio missing");
  const f = await benchMeasure({ sample: 8, altSample: 2 });
  const now = f.rows[1].ratio;
  process.stdout.write(`# bench regression: batch vs per-case ${now.toFixed(1)}× now, ${recorded.toFixed(1)}× recorded ${baseline.date}\n`);
  assert.ok(now >= recorded / 2, `ratio fell to ${now.toFixed(1)}× from ${recorded.toFixed(1)}×`);
  assert.ok(now >= 20, `issue 2's target is 20×; now ${now.toFixed(1)}×`);
  const alternatives = f.rows.slice(2).map((r): [string, number] => [alternativeRatioKey(r.way.replace(/ per case$/, "")), r.ratio]);
  assert.equal(alternatives.length, 2, "go test -bench and testing.AllocsPerRun were both timed");
  holdsHalf(Object.fromEntries(alternatives.filter(([k]) => baseline.ratios[k] !== undefined)));
});

test("the simulator keeps at least half of its recorded speed advantage over a measured batch", async () => {
  const key = "simulate vs measure batch (make cases/s, Go 1.26)";
  const recorded = baseline.ratios[key];
  assert.ok(recorded > 0, "baseline ratio missing");
  const m = await benchMeasure({ sample: 1, altSample: 0 });
  const now = benchSim().makeCasesPerSecond["1.26"] / (m.cases / (m.batchMs / 1000));
  process.stdout.write(`# bench regression: simulate vs measure batch ${now.toFixed(1)}× now, ${recorded.toFixed(1)}× recorded ${baseline.date}\n`);
  assert.ok(now >= recorded / 2, `ratio fell to ${now.toFixed(1)}× from ${recorded.toFixed(1)}×`);
});

test("the tracer's detail mode keeps at least half of its recorded advantage over dlv's terminal, and pinning to one CPU half of what it gave", async (t) => {
  const key = "trace: detail mode vs dlv's terminal (allocations/s)";
  if (baseline.ratios[key] === undefined) return t.skip("no baseline recorded for the tracer yet (npm run bench -- --write)");
  // Count mode at the bench's own size: the fixed costs (dlv's start and stop) would weigh more
  // on a smaller case than in the recorded ratio. The unpinned runs are at the scheduler's mercy
  // (it may happen to keep dlv and the program together), so the best of two tries.
  const once = async () => {
    const f = await benchTrace({ countN: 10_000, detailN: 300 });
    assert.ok(f.terminal, "dlv's terminal was not measured");
    const ratios: Record<string, number> = { [key]: f.detail.perSecond / f.terminal.perSecond };
    if (baseline.ratios[TRACE_COUNT_WITH_BUILD_RATIO] !== undefined) ratios[TRACE_COUNT_WITH_BUILD_RATIO] = f.countWithBuild.perSecond / f.terminal.perSecond;
    // Where the lab cannot pin (one CPU, no taskset), there is nothing to compare.
    if (baseline.ratios[TRACE_PIN_RATIOS.count] !== undefined && canPin()) {
      assert.notEqual(f.cpu, null, "this machine can pin dlv and the program to one CPU, and the trace did not");
      ratios[TRACE_PIN_RATIOS.count] = f.count.perSecond / f.countUnpinned.perSecond;
      ratios[TRACE_PIN_RATIOS.detail] = f.detail.perSecond / f.detailUnpinned.perSecond;
    }
    return ratios;
  };
  const best = await once();
  if (!Object.entries(best).every(([k, v]) => v >= baseline.ratios[k] / 2)) {
    for (const [k, v] of Object.entries(await once())) best[k] = Math.max(best[k], v);
  }
  holdsHalf(best);
});

/** Each key of `now` must be at least half of its recorded value. */
function holdsHalf(now: Record<string, number>): void {
  for (const [key, value] of Object.entries(now)) {
    const recorded = baseline.ratios[key];
    assert.ok(recorded > 0, `baseline ratio missing: ${key}`);
    process.stdout.write(`# bench regression: ${key}: ${value.toFixed(2)} now, ${recorded.toFixed(2)} recorded ${baseline.date}\n`);
    assert.ok(value >= recorded / 2, `${key} fell to ${value.toFixed(2)} from ${recorded.toFixed(2)}`);
  }
}

/** Every key's best over up to `tries` runs, stopping once each holds half its recorded value. */
function bestOf(tries: number, run: () => Record<string, number>): Record<string, number> {
  const best = run();
  for (let i = 1; i < tries; i++) {
    if (Object.entries(best).every(([key, value]) => value >= baseline.ratios[key] / 2)) break;
    for (const [key, value] of Object.entries(run())) best[key] = Math.max(best[key], value);
  }
  return best;
}

test("the simulator keeps at least half of its recorded speed against a reference loop (make cases, 1000 inserts × 200 seeds)", () => {
  // One run of a few seconds moved by 2× in a full test run (0.39 against 0.86 recorded minutes
  // earlier, idle): noise only slows, so the best of three runs is what is held.
  holdsHalf(bestOf(3, () => simRatios(benchSim())));
});

test("predict --from and predict of one case keep at least half of their recorded speed against node -e 0", () => {
  // As many cases as the bench (500,000): with 100,000 the start-up weighed more, and it ran at
  // 0.12 to 0.15 of the reference loop where the bench recorded 0.25 (once under the floor in a
  // loaded full run). One pass each; as above, the best of three.
  holdsHalf(bestOf(3, () => predictFromRatios(benchPredictFrom({ passes: 1 }))));
});
