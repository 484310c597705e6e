/**
 * Results as arquero tables: one row per observation (case, Go version, build), with where each
 * number came from, so that every table a notebook shows carries its provenance.
 */
import * as aq from "arquero";
import { describeCase } from "../case";
import { AllocResult } from "../result";
import { describeSource, Observation } from "../store";

/** One row per observation: case, go, source, mallocs (median), its range when random, bytes. */
export function resultsTable(observations: readonly Observation[]): aq.ColumnTable {
  const table = aq.from(observations.map((o) => ({
    case: describeCase(o.experiment.case),
    op: o.experiment.case.op,
    build: o.experiment.debug ? "-N -l" : "optimized",
    go: o.result.go,
    source: describeSource(o.source),
    mallocs: o.result.mallocs,
    range: o.result.distribution ? `${o.result.distribution.min}–${o.result.distribution.max}` : "",
    allocated: o.result.allocatedBytes ?? null,
    requested: o.result.bytes ?? null,
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
