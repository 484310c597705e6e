/** Turns results across versions into claims evidence, so a notebook measures once for both. */
import { Claim, Evidence, evidenceFrom, experimentsOf } from "../claims";
import type { GcLatencyRow } from "../experiments";
import { Experiment, VersionResults } from "./across";

/** Every experiment the claims need. */
export function claimExperiments(claims: readonly Claim[]): Experiment[] {
  return claims.flatMap(experimentsOf);
}

/** One Evidence per version, from results already gathered. */
export function evidenceOf(across: readonly VersionResults[]): Evidence[] {
  return across.map((v) => evidenceFrom(v.go, v.source, v.results));
}

/** Adds GC benchmarks to the evidence of the versions they were run on (the others get none). */
export function attachGc(evidence: readonly Evidence[], rows: readonly GcLatencyRow[]): Evidence[] {
  return evidence.map((e) => {
    const mine = rows.filter((r) => r.go === e.go);
    return mine.length ? { ...e, gc: mine } : e;
  });
}
