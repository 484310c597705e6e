/** Turns results across versions into claims evidence, so a notebook measures once for both. */
import { Claim, Evidence, evidenceFrom, experimentsOf } from "../claims";
import { Experiment, VersionResults } from "./across";

/** Every experiment the claims need. */
export function claimExperiments(claims: readonly Claim[]): Experiment[] {
  return claims.flatMap(experimentsOf);
}

/** One Evidence per version, from results already gathered. */
export function evidenceOf(across: readonly VersionResults[]): Evidence[] {
  return across.map((v) => evidenceFrom(v.go, v.source, v.results));
}

