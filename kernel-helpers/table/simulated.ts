/**
 * The simulator's account of cases, allocation by allocation, over several Go versions: the
 * versions whose model explains a case the same way share its rows, so a table per case stays as
 * short as the differences between versions.
 */
import * as aq from "arquero";
import { Case, describeCase } from "../case";
import type { AllocationRecord } from "../result";
import type { SimResult } from "../sim";

/** A case and the simulator's answer on each Go version (none where that version is not modelled). */
export interface SimulatedByGo {
  case: Case;
  byGo: readonly { go: string; simulated?: SimResult }[];
}

/** An allocation's explanation without the Go version, so that versions that agree share rows. */
const recordKey = (a: AllocationRecord) => JSON.stringify([a.size, a.rounded, a.sizeClass, a.path, a.site, a.why]);

/**
 * Every simulated allocation of each case with its reason (size asked, size taken, size class,
 * path, the runtime function), the Go versions whose model explains it the same way in one row;
 * a case that allocates nothing gets one row per note saying why.
 */
export function simulatedAllocationsTable(cases: readonly SimulatedByGo[]): aq.ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const p of cases) {
    const groups = new Map<string, { gos: string[]; r: SimResult }>();
    for (const g of p.byGo) {
      if (!g.simulated) continue;
      const key = JSON.stringify([g.simulated.allocations.map(recordKey), g.simulated.notes]);
      const group = groups.get(key) ?? { gos: [], r: g.simulated };
      group.gos.push(g.go);
      groups.set(key, group);
    }
    for (const { gos, r } of groups.values()) {
      const common = { case: describeCase(p.case), go: gos.join(", ") };
      r.allocations.forEach((a, i) => rows.push({ ...common, "#": i + 1, size: a.size, rounded: a.rounded, class: a.sizeClass, path: a.path, site: a.site, why: a.why ?? "" }));
      for (const note of r.notes) rows.push({ ...common, "#": null, size: null, rounded: null, class: null, path: "none", site: null, why: note });
    }
  }
  return aq.from(rows);
}
