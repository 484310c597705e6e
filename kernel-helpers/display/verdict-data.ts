/**
 * A lesson's verdict as data beside its text. Apart from verdicts.ts (which loads the tables) so
 * the course export reads it without loading arquero, vega or the store, as display/provenance.ts.
 */

/**
 * The mime type of the verdict a lesson shows, as data beside its text: the course export reads
 * it for the index's verdict matrix (course/verdicts.ts); renderers ignore a type they do not know.
 */
export const VERDICT_MIME = "application/vnd.golab.verdict+json";

/** One claim's verdict as the lesson's output carries it. */
export interface VerdictData {
  id: string;
  /** The article's claim, as claims.json words it. */
  claim: string;
  overall: string;
  byVersion: { go: string; verdict: string }[];
}
