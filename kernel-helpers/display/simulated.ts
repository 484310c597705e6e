/**
 * A few cases as the simulator explains them, on each Go version of a store, beside what a run of
 * the same case gave (now, cached or recorded) where one did: the counts side by side, one
 * sentence computed from them saying whether they agree, then every simulated allocation with its
 * size, size class and reason. The model needs no Go, so the explanation is there on every page.
 */
import * as aq from "arquero";
import { formatBytes } from "../bytes";
import { andList } from "../messages";
import { Case, describeCase } from "../case";
import { agreement, SimResult } from "../sim";
import { describeSource, Measured, modelled, Observation, ObservationStore, simulateExperiment } from "../store";
import { simulatedAllocationsTable } from "../table";
import { showMarkdown, showTable } from "./show";

/** One case on one version of the store: the run's observation if any, the model's answer if modelled. */
export interface CaseOnVersion {
  go: string;
  measured?: Observation<Measured>;
  simulated?: SimResult;
}

/** Each case on each version of the store (optimized builds). */
export function casesBeside(store: ObservationStore, cases: readonly Case[]): { case: Case; byGo: CaseOnVersion[] }[] {
  return cases.map((c) => ({
    case: c,
    byGo: store.versions.map((v) => {
      const measured = store.get(c, v.spec);
      const go = measured?.result.go ?? (modelled(v.go) ? v.go : v.spec);
      return { go: v.go, measured, simulated: modelled(go) ? simulateExperiment({ case: c, debug: false }, go) : undefined };
    }),
  }));
}

const plural = (n: number | string, word: string) => `${n} ${word}${n === 1 || n === "1" ? "" : "s"}`;

function countText(r: { mallocs: number; allocatedBytes?: number; distribution?: { min: number; max: number } }): string {
  const n = r.distribution && r.distribution.min !== r.distribution.max ? `${r.distribution.min}–${r.distribution.max}` : r.mallocs;
  return `${plural(n, "malloc")}, ${formatBytes(r.allocatedBytes ?? 0)}`;
}

/** Two rows a case (measured, simulated), a column per Go version; "—" where there is nothing. */
export function simulatedBesideCounts(beside: ReturnType<typeof casesBeside>): aq.ColumnTable {
  return aq.from(beside.flatMap((b) => [
    { case: describeCase(b.case), result: "measured", ...Object.fromEntries(b.byGo.map((g) => [`Go ${g.go}`, g.measured ? countText(g.measured.result) : "—"])) },
    { case: describeCase(b.case), result: "simulated", ...Object.fromEntries(b.byGo.map((g) => [`Go ${g.go}`, g.simulated ? countText(g.simulated) : "— (not modelled)"])) },
  ]));
}

/** The cases named by version list: "`a` and `b` on Go 1.19.8 and 1.26.8; `c` on Go 1.27.3". */
function onVersions(beside: ReturnType<typeof casesBeside>, which: (g: CaseOnVersion) => boolean): string {
  const byGos = new Map<string, string[]>();
  for (const b of beside) {
    const gos = b.byGo.filter(which).map((g) => g.go);
    if (gos.length) byGos.set(andList(gos), [...(byGos.get(andList(gos)) ?? []), `\`${describeCase(b.case)}\``]);
  }
  return [...byGos].map(([gos, names]) => `${andList(names)} on Go ${gos}`).join("; ");
}

/** One sentence, computed: where model and run differ (and how), or that they agree, and what no run answered. */
export function simulatedBesideSentence(beside: ReturnType<typeof casesBeside>): string {
  const compared = beside.flatMap((b) => b.byGo.filter((g) => g.measured && g.simulated).map((g) => ({ name: describeCase(b.case), go: g.go, a: agreement(g.simulated!, g.measured!.result) })));
  const differ = compared.filter((p) => !p.a.agree);
  const unmeasured = onVersions(beside, (g) => !g.measured);
  const rest = unmeasured ? ` Not measured (no Go ran it, and no recorded dataset holds it): ${unmeasured}.` : "";
  if (differ.length) return `**Simulated and measured differ:** ${differ.map((p) => `\`${p.name}\` on Go ${p.go}: ${p.a.differences.join("; ")}`).join(". ")}.${rest}`;
  if (compared.length) return `**Simulated and measured agree** (mallocs, bytes taken and sizes): ${onVersions(beside, (g) => g.measured !== undefined && g.simulated !== undefined)}.${rest}`;
  return "**Nothing measured these cases** here (no Go ran them, and no recorded dataset holds them): the simulated rows stand alone.";
}

/**
 * Shows the cases: measured and simulated counts per Go version (caption: `what`, then where the
 * measured ones came from), the computed sentence, then per case every simulated allocation and why.
 */
export function showSimulatedBeside(store: ObservationStore, cases: readonly Case[], { what }: { what: string }): void {
  const beside = casesBeside(store, cases);
  const sources = store.versions.map((v, i) => {
    const runs = beside.flatMap((b) => (b.byGo[i].measured ? [b.byGo[i].measured!] : []));
    return `Go ${v.go}: ${runs.length ? [...new Set(runs.map((o) => describeSource(o.source)))].join(", ") : "not measured"}`;
  });
  showTable(simulatedBesideCounts(beside), {
    keep: store.versions.map((v) => `Go ${v.go}`),
    caption: `${what}: measured (${sources.join("; ")}), and simulated by each Go version's model (no Go run)`,
  });
  showMarkdown(simulatedBesideSentence(beside));
  for (const b of beside) {
    showTable(simulatedAllocationsTable([b]), { caption: `${describeCase(b.case)}: each simulated allocation and why (versions whose model explains it alike share a row)` });
  }
}
