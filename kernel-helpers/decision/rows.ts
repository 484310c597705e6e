/**
 * Chapter 5's map-or-slice measurements as chart rows: one point per (Go version, n, way), the
 * costs as measured, the timings as the median of the runs with its 95% interval (benchstat's
 * order-statistic interval, experiments/stats.ts). Each version keeps where its numbers came from.
 */
import { CollectionCostRow, LookupTask, LookupTimingRow, MedianInterval, medianInterval, Sizing, Structure } from "../experiments";
import { describeSource, LiveObservation } from "../store";

/** A Go version's collection costs, with their provenance. */
export type CostObservation = LiveObservation<CollectionCostRow[]>;
/** A Go version's look-up and iteration timings, with their provenance. */
export type TimingObservation = LiveObservation<LookupTimingRow[]>;

/** How the charts and the guide name each way of holding n pairs. */
export const COST_WAYS: Record<Structure, Record<Sizing, string>> = {
  map: { "size known": "map, size known: make(map[int]int, n)", "size unknown": "map, size unknown: make(map[int]int)" },
  slice: { "size known": "slice, size known: make([]pair, 0, n)", "size unknown": "slice, size unknown: var s []pair" },
};

/** How the charts and the guide name each timed operation. */
export const TIMED_WAYS: Record<LookupTask, Record<Structure, string>> = {
  "look-up": { map: "map: v := m[key]", slice: "slice: scan s for key" },
  iterate: { map: "map: for _, v := range m", slice: "slice: for _, p := range s" },
};

/** One way of holding n pairs on one Go version: what it cost. */
export interface CostPoint {
  go: string;
  n: number;
  way: string;
  structure: Structure;
  sizing: Sizing;
  mallocs: number;
  /** Bytes allocated, as MemStats.TotalAlloc counts them (every array a growth left behind included). */
  allocated: number;
}

/** One timed operation at one n on one Go version: the median of the runs and its interval. */
export interface TimingPoint {
  go: string;
  n: number;
  way: string;
  task: LookupTask;
  structure: Structure;
  /** ns per look-up, or per element visited (a pass over all n, divided by n). */
  ns: number;
  lo: number;
  hi: number;
  /** The interval behind ns/lo/hi (in the same unit). */
  interval: MedianInterval;
}

const panelOf = (o: LiveObservation<unknown>) => `Go ${o.go}`;
const withResult = <R>(obs: readonly LiveObservation<R>[]) => obs.filter((o): o is LiveObservation<R> & { result: R } => o.result !== undefined);

/** The cost points of every version that has a result. */
export function costPoints(observations: readonly CostObservation[]): CostPoint[] {
  return withResult(observations).flatMap((o) => o.result.map((c) => ({
    go: panelOf(o), n: c.n, way: COST_WAYS[c.structure][c.sizing], structure: c.structure, sizing: c.sizing, mallocs: c.mallocs, allocated: c.allocatedBytes,
  })));
}

/** The timing points of every version that has a result: medians over the runs, per operation. */
export function timingPoints(observations: readonly TimingObservation[]): TimingPoint[] {
  return withResult(observations).flatMap((o) => {
    const groups = new Map<string, { n: number; task: LookupTask; structure: Structure; ns: number[] }>();
    for (const t of o.result) {
      const key = `${t.task} ${t.structure} ${t.n}`;
      const g = groups.get(key) ?? { n: t.n, task: t.task, structure: t.structure, ns: [] };
      g.ns.push(t.task === "iterate" ? t.nsPerOp / t.n : t.nsPerOp);
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => {
      const interval = medianInterval(g.ns);
      return { go: panelOf(o), n: g.n, way: TIMED_WAYS[g.task][g.structure], task: g.task, structure: g.structure, ns: interval.median, lo: interval.lo, hi: interval.hi, interval };
    });
  });
}

/** Per version, where its numbers came from: "Go 1.26.8: measured now; Go 1.19.8: recorded 2026-12-02", or why there are none. */
export function decisionSource(observations: readonly LiveObservation<unknown>[], verb = "measured"): string {
  return observations.map((o) => `Go ${o.go}: ${o.result !== undefined ? describeSource(o.source, verb) : `no data (${o.error ?? "not run"})`}`).join("; ");
}
