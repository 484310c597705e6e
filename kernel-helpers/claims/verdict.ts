/**
 * Verdicts: every claim checked against the evidence of every Go version, then one overall
 * verdict per claim (the same everywhere, or "depends on the Go version").
 */
import { CheckOutcome, runCheck, VersionVerdict } from "./checks";
import { Evidence } from "./evidence";
import { Claim } from "./registry";

/** Verdicts that decide a claim on a version; versions that differ among these make it version-dependent. */
const DECIDED = new Set<VersionVerdict>(["confirmed", "partly true", "refuted", "inconclusive"]);

export type OverallVerdict = VersionVerdict | "depends on the Go version";

export interface ClaimVerdict {
  claim: Claim;
  /** Per Go version, with the source of its evidence. */
  byVersion: (CheckOutcome & { go: string; source: string })[];
  overall: OverallVerdict;
}

/** Computes every claim's verdict on every version's evidence. Pure: runs nothing. */
export function computeVerdicts(claims: readonly Claim[], evidence: readonly Evidence[]): ClaimVerdict[] {
  return claims.map((claim) => {
    const byVersion = evidence.map((ev) => ({ go: ev.go, source: ev.source, ...runCheck(claim, ev) }));
    const decided = [...new Set(byVersion.map((v) => v.verdict).filter((v) => DECIDED.has(v)))];
    const overall: OverallVerdict =
      decided.length > 1 ? "depends on the Go version" : decided.length === 1 ? decided[0] : (byVersion[0]?.verdict ?? "no evidence");
    return { claim, byVersion, overall };
  });
}
