/**
 * Chapter 5's decision from made-up measurements (clearly not Go's): the crossover, the ratios and
 * the charts follow the numbers given, and change when they change. Nothing is typed for them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CollectionCostRow, LookupTimingRow } from "../../kernel-helpers/experiments";
import { costChart, costPoints, decisionGuide, decisionSource, lookupFinding, timingChart, timingPoints } from "../../kernel-helpers/decision";
import { LiveObservation } from "../../kernel-helpers/store";

const GO = "7.1.0";
const observation = <R>(result: R): LiveObservation<R> =>
  ({ spec: "7.1", go: GO, toolchain: { go: GO, goarch: "amd64", goexperiment: "" }, source: { kind: "recorded", file: "x", at: "2026-01-02T00:00:00Z" }, result });

/** Ten runs per operation: the map at `map` ns whatever n, the scan at `perElement` × n ns; each run ±5%. */
function timings(sizes: number[], map: number, perElement: number): LookupTimingRow[] {
  return sizes.flatMap((n) => Array.from({ length: 10 }, (_, run) => {
    const jitter = 1 + ((run % 5) - 2) * 0.025;
    return [
      { go: GO, n, run, task: "look-up" as const, structure: "map" as const, nsPerOp: map * jitter },
      { go: GO, n, run, task: "look-up" as const, structure: "slice" as const, nsPerOp: perElement * n * jitter },
      { go: GO, n, run, task: "iterate" as const, structure: "map" as const, nsPerOp: 10 * n * jitter },
      { go: GO, n, run, task: "iterate" as const, structure: "slice" as const, nsPerOp: 1 * n * jitter },
    ];
  }).flat());
}

function costs(sizes: number[]): CollectionCostRow[] {
  return sizes.flatMap((n) => [
    { go: GO, n, structure: "map" as const, sizing: "size known" as const, case: { op: "mapinsert" as const, key: "int", elem: "int", n, hint: n, escape: "heap" as const }, mallocs: 3, allocatedBytes: 40 * n },
    { go: GO, n, structure: "map" as const, sizing: "size unknown" as const, case: { op: "mapinsert" as const, key: "int", elem: "int", n, escape: "heap" as const }, mallocs: 9, allocatedBytes: 80 * n },
    { go: GO, n, structure: "slice" as const, sizing: "size known" as const, case: { op: "append" as const, elem: "int", n, start: "make" as const, len: 0, cap: n, escape: "heap" as const }, mallocs: 1, allocatedBytes: 16 * n },
    // The grown slice overtakes the grown map from n = 1000 on.
    { go: GO, n, structure: "slice" as const, sizing: "size unknown" as const, case: { op: "append" as const, elem: "int", n, start: "nil" as const, escape: "heap" as const }, mallocs: 5, allocatedBytes: n >= 1000 ? 90 * n : 50 * n },
  ]);
}

const SIZES = [8, 16, 32, 100, 1000, 10000];

test("the crossover is where the map look-up stays faster, decided on the intervals", () => {
  const points = timingPoints([observation(timings(SIZES, 100, 1))]);
  const f = lookupFinding(points, `Go ${GO}`)!;
  // 8 and 16 ns scans beat 100 ns; 32 ns too; at 100 the intervals overlap; from 1000 the map wins.
  assert.deepEqual(f.scanFaster, [8, 16, 32]);
  assert.deepEqual(f.noDifference, [100]);
  assert.equal(f.mapFasterFrom, 1000);
  const slower = lookupFinding(timingPoints([observation(timings(SIZES, 100, 0.001))]), `Go ${GO}`)!;
  assert.equal(slower.mapFasterFrom, undefined, "a scan that stays cheap never loses");
});

test("the guide words what the points show", () => {
  const guide = decisionGuide(costPoints([observation(costs(SIZES))]), timingPoints([observation(timings(SIZES, 100, 1))]));
  assert.match(guide, /scanning a slice for the key was faster than a map look-up at n = 8, 16, 32; no difference was shown at n = 100; from n = 1,000 on, the map look-up was faster at every size measured, and 100× faster at n = 10,000/);
  assert.match(guide, /took 10× as long per element in the map as in the slice .*at 6 of 6 sizes/);
  assert.match(guide, /a map of n pairs took 2\.5× the bytes of a slice of them/);
  assert.match(guide, /the map 9 mallocs instead of 3 and 2\.0× the bytes, the slice 5 mallocs instead of 1 and 5\.6× the bytes/);
  assert.match(guide, /from n = 1,000 on: every array it outgrew counts/);
  assert.match(guide, /\*\*In short\*\*\n\n- On Go 7\.1\.0: to find values by key, a map from about n = 1,000 on \(below that, a scan of a slice was as fast or faster\); otherwise a slice, made with its size when you know it: it was cheaper to hold and to go through at every size measured\./);
  const cheapMaps = costs(SIZES).map((c) => (c.structure === "map" ? { ...c, allocatedBytes: 1 } : c));
  assert.match(decisionGuide(costPoints([observation(cheapMaps)]), timingPoints([observation(timings(SIZES, 100, 1))])), /otherwise it depends on n/);
  // The map wins at n = 8, loses at 16 and 32, and wins from 100 on: below the crossover the two took turns.
  const turns = timings(SIZES, 100, 1).map((r) => (r.n === 8 && r.task === "look-up" && r.structure === "slice" ? { ...r, nsPerOp: r.nsPerOp * 1000 } : r));
  assert.match(decisionGuide(costPoints([observation(costs(SIZES))]), timingPoints([observation(turns)])), /a map from about n = 1,000 on \(below that, the two took turns\)/);
});

test("charts: a panel per Go version, log axes, at most 6 series, the interval as a band, alt text", () => {
  const other = { ...observation(timings(SIZES, 50, 1).map((r) => ({ ...r, go: "7.2.0" }))), go: "7.2.0" };
  const points = timingPoints([observation(timings(SIZES, 100, 1)), other]);
  const spec = timingChart(points, { task: "look-up", source: "made up" }) as Record<string, any>;
  assert.deepEqual(spec.facet.column.field, "go");
  const [band, line] = spec.spec.layer;
  assert.equal(band.mark.type, "area");
  assert.equal(line.encoding.x.scale.type, "log");
  assert.equal(line.encoding.y.scale.type, "log");
  assert.match(line.encoding.y.title, /ns per look-up/);
  assert.match(spec.title.text, /median of 10 runs, 95% interval shaded/);
  assert.match(spec.description, /one panel each for Go 7\.1\.0 and Go 7\.2\.0/);
  const bytes = costChart(costPoints([observation(costs(SIZES))]), { measure: "allocated", source: "made up" }) as Record<string, any>;
  assert.equal(new Set(bytes.data.values.map((r: { way: string }) => r.way)).size, 4);
  assert.match(bytes.encoding.y.title, /allocated \(bytes/);
});

test("the source line names each version's provenance, or why it has none", () => {
  const missing: LiveObservation<CollectionCostRow[]> = { ...observation(costs([8])), go: "7.2", result: undefined, error: "no recording" };
  assert.equal(decisionSource([observation(costs([8])), missing]), "Go 7.1.0: recorded 2026-01-02; Go 7.2: no data (no recording)");
});
