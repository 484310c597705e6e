/** Verdicts as a table: one row per claim, one column per Go version, plus the overall verdict. */
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

/** Long form for charts: one row per (claim, Go version). */
export function verdictRows(verdicts: readonly ClaimVerdict[]): { claim: string; go: string; verdict: string; source: string }[] {
  return verdicts.flatMap((v) => v.byVersion.map((b) => ({ claim: v.claim.id, go: b.go, verdict: b.verdict, source: b.source })));
}
