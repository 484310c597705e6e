/**
 * Speed must not silently regress: each ratio in bench/baseline.json (recorded by
 * `npm run bench -- --write`) is measured again, sampled, in this run, and must be at least half of
 * its recorded value. Ratios, not times: the machine is shared and noisy.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { alternativeRatios, benchMeasure } from "../../bench/measure-batch";
import { benchSim, simRatios } from "../../bench/sim";
import { benchPredictFrom, predictFromRatios } from "../../bench/predict-from";
import { benchTrace, TRACE_COUNT_WITH_BUILD_RATIO } from "../../bench/trace";
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
  const alternatives = Object.entries(alternativeRatios(f));
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

test("the tracer keeps at least half of its recorded advantage over dlv's terminal (detail mode; count mode with its build), and pinning to one CPU still pays", async (t) => {
  const key = "trace: detail mode vs dlv's terminal (allocations/s)";
  if (baseline.ratios[key] === undefined) return t.skip("no baseline recorded for the tracer yet (npm run bench -- --write)");
  // The bench's own sizes: the fixed costs (dlv's start and stop) would weigh more on smaller
  // cases than in the recorded ratios. The best of two tries, as the simulator's test.
  const once = async () => {
    const f = await benchTrace({ countN: 10_000, detailN: 1_000 });
    assert.ok(f.terminal, "dlv's terminal was not measured");
    const ratios: Record<string, number> = { [key]: f.detail.perSecond / f.terminal.perSecond };
    if (baseline.ratios[TRACE_COUNT_WITH_BUILD_RATIO] !== undefined) ratios[TRACE_COUNT_WITH_BUILD_RATIO] = f.countWithBuild.perSecond / f.terminal.perSecond;
    return { f, ratios };
  };
  const first = await once();
  const best = first.ratios;
  let pin = pinGains(first.f);
  if (!Object.entries(best).every(([k, v]) => v >= baseline.ratios[k] / 2) || !pinPays(pin)) {
    const again = await once();
    for (const [k, v] of Object.entries(again.ratios)) best[k] = Math.max(best[k], v);
    const more = pinGains(again.f);
    if (pin && more) pin = { count: Math.max(pin.count, more.count), detail: Math.max(pin.detail, more.detail) };
  }
  holdsHalf(best);
  // What pinning gives is held as "still pays", not at half of its record: the unpinned runs move
  // with where the scheduler happens to put dlv (count mode 4.4× to 8.1× across the bench's runs).
  // Where the lab cannot pin (one CPU, no taskset), there is nothing to compare.
  if (canPin()) {
    assert.ok(pin, "this machine can pin dlv and the program to one CPU, and the trace did not");
    process.stdout.write(`# bench regression: pinned vs unpinned: count mode ${pin.count.toFixed(2)}×, detail mode ${pin.detail.toFixed(2)}×\n`);
    assert.ok(pinPays(pin), `pinning to one CPU no longer pays: count mode ${pin.count.toFixed(2)}× (at least ${PIN_PAYS.count}×), detail mode ${pin.detail.toFixed(2)}× (at least ${PIN_PAYS.detail}×)`);
  }
});

/** Pinned over unpinned that still counts as paying: well above noise, well below what it gave. */
const PIN_PAYS = { count: 2, detail: 1.2 };

function pinGains(f: Awaited<ReturnType<typeof benchTrace>>): { count: number; detail: number } | null {
  return f.cpu === null ? null : { count: f.count.perSecond / f.countUnpinned.perSecond, detail: f.detail.perSecond / f.detailUnpinned.perSecond };
}

function pinPays(pin: { count: number; detail: number } | null): boolean {
  return pin === null || (pin.count >= PIN_PAYS.count && pin.detail >= PIN_PAYS.detail);
}

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
