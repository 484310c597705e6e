/** Verdicts as tables: one row per claim (a column per Go version), or one row per part. */
import * as aq from "arquero";
import type { ClaimVerdict } from "../claims";

export function verdictsTable(verdicts: readonly ClaimVerdict[]): aq.ColumnTable {
  return aq.from(verdicts.map((v) => ({
    claim: v.claim.id,
    says: v.claim.claim,
    ...Object.fromEntries(v.byVersion.map((b) => [`Go ${b.go}`, b.verdict])),
    overall: v.overall,
  })));
}

/** The parts of compound claims: one row per part, "holds" or "does not hold" per Go version. */
export function verdictPartsTable(verdicts: readonly ClaimVerdict[]): aq.ColumnTable {
  return aq.from(verdicts.flatMap((v) => {
    const first = v.byVersion.find((b) => b.parts);
    return (first?.parts ?? []).map((p, i) => ({
      claim: v.claim.id,
      part: p.says,
      ...Object.fromEntries(v.byVersion.map((b) => [`Go ${b.go}`, b.parts ? (b.parts[i].holds ? "holds" : "does not hold") : b.verdict])),
    }));
  }));
}

/** Long form for charts: one row per (claim, Go version). */
export function verdictRows(verdicts: readonly ClaimVerdict[]): { claim: string; go: string; verdict: string; source: string }[] {
  return verdicts.flatMap((v) => v.byVersion.map((b) => ({ claim: v.claim.id, go: b.go, verdict: b.verdict, source: b.source })));
}
