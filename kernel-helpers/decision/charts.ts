/**
 * Chapter 5's decision charts: what holding n pairs costs (bytes, mallocs) and what finding one or
 * visiting all of them takes (ns), against n on a log scale, a panel per Go version. Drawn with
 * the chart helpers (chart/specs.ts): axis titles with units, at most 6 series, alt text computed.
 */
import { ChartSpec, growthLines } from "../chart";
import { CostPoint, TimingPoint } from "./rows";

const N_AXIS = "n (pairs held, log scale)";

/** Bytes or mallocs against n, a line per way of holding the pairs. */
export function costChart(points: readonly CostPoint[], { measure, source }: { measure: "allocated" | "mallocs"; source: string }): ChartSpec {
  const rows = points.map((p) => ({ go: p.go, n: p.n, way: p.way, [measure]: measure === "allocated" ? p.allocated : p.mallocs }));
  const what = measure === "allocated" ? "bytes" : "allocations";
  return growthLines(rows, {
    x: "n", y: measure, color: "way", panel: "go", logX: true, interpolate: "linear", xTitle: N_AXIS,
    yTitle: measure === "allocated" ? "allocated (bytes, log scale)" : "mallocs (count, log scale)",
    title: `Holding n key/value pairs: ${what}, size known or not`, source,
  });
}

/** ns per look-up, or per element of a full pass, against n: median lines in their 95% intervals. */
export function timingChart(points: readonly TimingPoint[], { task, source }: { task: "look-up" | "iterate"; source: string }): ChartSpec {
  const rows = points.filter((p) => p.task === task).map((p) => ({ go: p.go, n: p.n, way: p.way, ns: p.ns, lo: p.lo, hi: p.hi }));
  const runs = Math.max(0, ...points.map((p) => p.interval.n));
  // Short enough to fit beside a 240-px panel; the runs and the band are said in the title.
  return growthLines(rows, {
    x: "n", y: "ns", color: "way", panel: "go", logX: true, interpolate: "linear", xTitle: N_AXIS, band: { lo: "lo", hi: "hi" },
    yTitle: `${task === "look-up" ? "ns per look-up" : "ns per element"} (log scale)`,
    title: `${task === "look-up" ? "Finding one key: map look-up against a scan of the slice" : "Visiting every element: range over a map against a slice"} (median of ${runs} runs, 95% interval shaded)`,
    source,
  });
}
