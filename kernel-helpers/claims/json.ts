/**
 * The JSON contract of `golab claims --json`. Fields are only ever added: `id`, `claim`, `overall`
 * and `byVersion[].go/source/verdict/reason` keep their names and meaning.
 */
import type { Explanation } from "./explain";
import type { PartOutcome } from "./outcome";
import type { ClaimVerdict } from "./verdict";

export interface VerdictJson {
  id: string;
  claim: string;
  overall: string;
  byVersion: {
    go: string;
    source: string;
    verdict: string;
    reason: string;
    /** Each part of a compound claim, decided (absent for a single statement). */
    parts?: PartOutcome[];
    explanation: Explanation;
    /** The claim at the reader's parameter values, when they differ from the article's. */
    atReader?: { parameters: Record<string, number>; verdict: string; reason: string; parts?: PartOutcome[]; explanation: Explanation };
  }[];
}

/** Verdicts as the JSON contract. */
export function verdictsJson(verdicts: readonly ClaimVerdict[]): VerdictJson[] {
  return verdicts.map((v) => ({
    id: v.claim.id, claim: v.claim.claim, overall: v.overall,
    byVersion: v.byVersion.map(({ go, source, verdict, reason, parts, explanation, atReader }) => ({
      go, source, verdict, reason,
      ...(parts ? { parts } : {}),
      explanation,
      ...(atReader ? { atReader: { parameters: atReader.parameters, verdict: atReader.verdict, reason: atReader.reason, ...(atReader.parts ? { parts: atReader.parts } : {}), explanation: atReader.explanation } } : {}),
    })),
  }));
}
