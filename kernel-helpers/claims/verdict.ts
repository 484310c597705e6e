/**
 * Verdicts: every claim checked against the evidence of every Go version, then one overall
 * verdict per claim (the same everywhere, or "depends on the Go version"), each with its
 * explanation. A claim whose parameters the reader changed is decided at the article's values,
 * with the outcome at the reader's beside it.
 */
import { runCheck } from "./checks";
import { Evidence } from "./evidence";
import { explain, Explanation } from "./explain";
import { CheckOutcome, VersionVerdict } from "./outcome";
import { Claim, ClaimParameters } from "./registry";
import { RuntimeSources } from "./runtime-source";

/** Verdicts that decide a claim on a version; versions that differ among these make it version-dependent. */
const DECIDED = new Set<VersionVerdict>(["confirmed", "partly true", "refuted", "inconclusive"]);

export type OverallVerdict = VersionVerdict | "depends on the Go version";

/** One version's outcome, explained. */
export type VersionOutcome = CheckOutcome & {
  go: string;
  source: string;
  explanation: Explanation;
  /** The same claim at the reader's parameter values, when they differ from the article's. */
  atReader?: CheckOutcome & { parameters: ClaimParameters; explanation: Explanation };
};

export interface ClaimVerdict {
  claim: Claim;
  /** Per Go version, with the source of its evidence. */
  byVersion: VersionOutcome[];
  overall: OverallVerdict;
}

export interface VerdictOptions {
  /** Where runtime functions are defined, for explanations (see runtimeSources). */
  sources?: RuntimeSources;
}

/** The overall verdict of per-version ones. */
export function overallOf(verdicts: readonly VersionVerdict[]): OverallVerdict {
  const decided = [...new Set(verdicts.filter((v) => DECIDED.has(v)))];
  return decided.length > 1 ? "depends on the Go version" : decided.length === 1 ? decided[0] : (verdicts[0] ?? "no evidence");
}

/** Computes every claim's verdict on every version's evidence. Pure: runs nothing. */
export function computeVerdicts(claims: readonly Claim[], evidence: readonly Evidence[], { sources }: VerdictOptions = {}): ClaimVerdict[] {
  return claims.map((claim) => {
    const byVersion = evidence.map((ev): VersionOutcome => {
      const out = runCheck(claim, ev);
      const reader = claim.reader;
      const atReader = reader && { ...runCheck(reader, ev), parameters: reader.parameters ?? {} };
      return {
        go: ev.go, source: ev.source, ...out,
        explanation: explain(claim, out, ev.go, { sources }),
        ...(atReader ? { atReader: { ...atReader, explanation: explain(reader, atReader, ev.go, { sources }) } } : {}),
      };
    });
    return { claim, byVersion, overall: overallOf(byVersion.map((v) => v.verdict)) };
  });
}
