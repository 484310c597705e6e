/**
 * Results with Go versions as columns: one row per program (case and build), one column per Go
 * version, each cell a short phrase ("3 mallocs, 40.1 KiB"). Read across a row to see what a
 * version changed. The long form (resultsTable) stays the exact data behind it.
 */
import * as aq from "arquero";
import { describeCase, experimentKey } from "../case";
import { Measured, Observation } from "../store";
import type { BenchmarkResult } from "../measure";
import type { Experiment24Result } from "../trace";
import { allocationPaths } from "./observations";
import { formatBytes } from "./readable";

/** What a cell says about one observation; `cellText` is the default. */
export type CellText = (o: Observation<Measured>) => string;

/** "1 malloc", "2–3 mallocs (median 2)". */
export function mallocsText(r: Measured): string {
  const d = r.distribution;
  const n = d ? `${d.min}–${d.max}` : String(r.mallocs);
  return `${n} malloc${n === "1" ? "" : "s"}${d ? ` (median ${r.mallocs})` : ""}`;
}

/** "3 mallocs, 40.1 KiB", and "(simulated)" when no run answered for that version. */
export const cellText: CellText = (o) =>
  `${mallocsText(o.result)}, ${formatBytes(o.result.allocatedBytes ?? 0)}${o.source.kind === "simulated" ? " (simulated)" : ""}`;

/** "does not escape, 0 mallocs": the compiler's -m decision on the make (a run's only), then the count. */
export const escapeCell: CellText = (o) => {
  const decisions = o.result.backend === "measure" ? o.result.escape.map((e) => (e.decision === "stack" ? "does not escape" : "escapes")) : [];
  return `${[...new Set(decisions)].join(" / ") || "(no -m line)"}, ${mallocsText(o.result)}`;
};

/** "8 KiB: a size class (small)": bytes taken, then each allocation's path as the simulator accounts for the same run. */
export const pathCell: CellText = (o) =>
  `${formatBytes(o.result.allocatedBytes ?? 0)}: ${allocationPaths(o) ?? "(the simulator does not account for this run)"}${o.source.kind === "simulated" ? " (simulated)" : ""}`;

/** The row's label columns: the program, and its build when a table holds both builds. */
function labelOf(o: Observation<Measured>): { program: string; build: string } {
  return { program: describeCase(o.experiment.case), build: o.experiment.debug ? "-N -l" : "optimized" };
}

/**
 * One row per experiment (in first-seen order), a "Go x.y.z" column per version (in first-seen
 * order), `cell` writing each cell; "—" where a version has no observation of that experiment.
 * Columns with one value in every row are said once in the caption when shown (readableTable).
 */
export function versionColumns(observations: readonly Observation<Measured>[], { cell = cellText, label = labelOf }: { cell?: CellText; label?: (o: Observation<Measured>) => Record<string, unknown> } = {}): aq.ColumnTable {
  const versions = [...new Set(observations.map((o) => `Go ${o.result.go}`))];
  const rows = new Map<string, Record<string, unknown>>();
  for (const o of observations) {
    const key = experimentKey(o.experiment);
    if (!rows.has(key)) rows.set(key, { ...label(o), ...Object.fromEntries(versions.map((v) => [v, "—"])) });
    rows.get(key)![`Go ${o.result.go}`] = cell(o);
  }
  return aq.from([...rows.values()]);
}

/**
 * Delve's breakpoint counts (experiment 2.4) with Go versions as columns: one row per runtime
 * function, each cell "hits over the run (hits inside each case)" or "not in this runtime".
 */
export function breakpointColumns(results: readonly Experiment24Result[]): aq.ColumnTable {
  const names = [...new Map(results.flatMap((r) => r.functions.map((f) => [f.name, f.what] as const))).entries()];
  return aq.from(names.map(([name, what]) => ({
    function: name,
    ...Object.fromEntries(results.map((r) => {
      const f = r.functions.find((x) => x.name === name);
      return [`Go ${r.go}`, f?.present ? `${f.wholeRun.toLocaleString("en-US")} (${f.perCase.join(" / ")})` : "not in this runtime"];
    })),
    "what it is": what,
  })));
}

/** `go test -bench -benchmem` results with Go versions as columns: a row per case, "1 allocs/op, 8 KiB/op". */
export function benchmarkColumns(results: readonly BenchmarkResult[]): aq.ColumnTable {
  const rows = new Map<string, Record<string, string>>();
  for (const b of results) {
    const key = describeCase(b.case);
    rows.set(key, { ...(rows.get(key) ?? { benchmark: key }), [`Go ${b.go}`]: `${b.allocsPerOp} allocs/op, ${formatBytes(b.bytesPerOp)}/op` });
  }
  return aq.from([...rows.values()]);
}
