/**
 * What a check returns for one Go version, and how a compound claim's verdict follows from its
 * parts: all hold → confirmed; some → partly true (naming which); none → refuted.
 */
import { MeasureResult } from "../measure";

/**
 * A verdict on one Go version. "inconclusive" is for measurements that cannot decide (timing
 * noise); "cannot be tested here" and "no experiment yet" say why there is no verdict.
 */
export type VersionVerdict =
  | "confirmed" | "partly true" | "refuted" | "inconclusive" | "cannot be tested here" | "no experiment yet" | "no evidence";

/** Every verdict kind, in the order pages list them. */
export const VERDICT_KINDS: readonly VersionVerdict[] =
  ["confirmed", "partly true", "refuted", "inconclusive", "cannot be tested here", "no experiment yet", "no evidence"];

/** One part of a claim, decided. */
export interface PartOutcome {
  /** The part, in the article's terms: "2 mallocgc calls", "a map allocates its buckets at init". */
  says: string;
  holds: boolean;
  /** The measured numbers it rests on. */
  reason: string;
}

export interface CheckOutcome {
  verdict: VersionVerdict;
  reason: string;
  /** The results the verdict rests on. */
  evidence: MeasureResult[];
  /** The claim's parts, each decided, where the claim has more than one. */
  parts?: PartOutcome[];
  /**
   * For checks whose evidence is not an allocation count (timings, profiles, hit counts): what was
   * measured, in lines, and the runtime functions behind it, for the explanation.
   */
  measured?: string[];
  runtime?: RuntimeReason[];
}

/** A runtime function and why it matters to a verdict; explain() adds its file:line. */
export interface RuntimeReason {
  site: string;
  why: string;
}

/** A single statement that holds or not. */
export const single = (holds: boolean, reason: string, evidence: MeasureResult[]): CheckOutcome =>
  ({ verdict: holds ? "confirmed" : "refuted", reason, evidence });

/** The verdict of one or more parts; one part is a plain confirmed or refuted. */
export function fromParts(parts: PartOutcome[], evidence: MeasureResult[], context = ""): CheckOutcome {
  const tail = context ? `. ${context}` : "";
  if (parts.length === 1) return { ...single(parts[0].holds, parts[0].reason + tail, evidence) };
  const holding = parts.filter((p) => p.holds);
  const verdict: VersionVerdict = holding.length === parts.length ? "confirmed" : holding.length === 0 ? "refuted" : "partly true";
  const named = (ps: PartOutcome[]) => ps.map((p) => `“${p.says}”`).join(", ");
  const lead = verdict === "partly true" ? `${named(holding)} ${holding.length === 1 ? "holds" : "hold"}; ${named(parts.filter((p) => !p.holds))} ${parts.length - holding.length === 1 ? "does" : "do"} not. ` : "";
  const each = parts.map((p) => `“${p.says}” ${p.holds ? "holds" : "does not hold"}: ${p.reason}`).join("; ");
  return { verdict, reason: `${lead}${each}${tail}`, evidence, parts };
}
