/**
 * An experiment: a case and the build it is measured with. Two experiments are the same when
 * their keys are equal; the key spells the case's fields in one fixed order (FIELDS), so it never
 * depends on how an object was written or which JSON text it came from.
 */
import { Case, FIELDS } from "./case";

/** One run a page or a claim needs: a case and the build (optimized, or `-N -l`). */
export interface Experiment {
  case: Case;
  debug: boolean;
}

/** The case's canonical JSON: fields in FIELDS order, absent ones left out. */
export function caseKey(c: Case): string {
  const o = c as unknown as Record<string, unknown>;
  return JSON.stringify(FIELDS[c.op].filter((f) => o[f] !== undefined).map((f) => [f, o[f]]));
}

/** The experiment's identity, for maps and sets. */
export function experimentKey(e: Experiment): string {
  return `${e.debug ? "debug" : "optimized"} ${caseKey(e.case)}`;
}

/** True when two cases are the same case. */
export function sameCase(a: Case, b: Case): boolean {
  return caseKey(a) === caseKey(b);
}

/** The experiments without repeats, in first-seen order. */
export function distinctExperiments(experiments: readonly Experiment[]): Experiment[] {
  const seen = new Map<string, Experiment>();
  for (const e of experiments) if (!seen.has(experimentKey(e))) seen.set(experimentKey(e), e);
  return [...seen.values()];
}

/** Optimized builds of the given cases: what pages show unless they say `-N -l`. */
export function optimized(cases: readonly Case[]): Experiment[] {
  return cases.map((c) => ({ case: c, debug: false }));
}
