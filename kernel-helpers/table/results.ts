/**
 * Results as arquero tables: one row per (case, Go version, backend), with where each number came
 * from, so that every table a notebook shows carries its provenance.
 */
import * as aq from "arquero";
import { describeCase } from "../case";
import { AllocResult } from "../result";

/** How a result was obtained, for labels: "measured", "simulated", "traced", or "recorded 2026-11-24". */
export function sourceOf(r: AllocResult & { recorded?: string }): string {
  if (r.recorded) return `recorded ${r.recorded.slice(0, 10)}`;
  return { measure: "measured", simulate: "simulated", trace: "traced" }[r.backend];
}

/** One row per result: case, go, source, mallocs (median), its range when random, bytes. */
export function resultsTable(results: readonly (AllocResult & { recorded?: string })[]): aq.ColumnTable {
  const table = aq.from(results.map((r) => ({
    case: describeCase(r.case),
    op: r.case.op,
    build: "build" in r ? ((r as { build: { debug: boolean } }).build.debug ? "-N -l" : "optimized") : "",
    go: r.go,
    source: sourceOf(r),
    mallocs: r.mallocs,
    range: r.distribution ? `${r.distribution.min}–${r.distribution.max}` : "",
    allocated: r.allocatedBytes ?? null,
    requested: r.bytes ?? null,
  })));
  // Columns no result fills (MemStats cannot see requested sizes) are left out.
  const empty = table.columnNames().filter((name) => table.array(name).every((v) => v === null || v === ""));
  return empty.length ? table.select(aq.not(empty)) : table;
}

/** One row per allocation of one result (simulate and trace know them individually). */
export function allocationsTable(r: AllocResult): aq.ColumnTable {
  return aq.from((r.allocations ?? []).map((a, i) => ({
    "#": i + 1,
    site: a.site,
    size: a.size,
    rounded: a.rounded,
    class: a.sizeClass,
    path: a.path,
    noscan: a.noscan,
    random: a.random ?? false,
    why: a.why ?? "",
  })));
}
