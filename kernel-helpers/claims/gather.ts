/**
 * Gathers evidence for the claims, per Go version, through the observation store: run now or read
 * from the result cache where that Go is installed, otherwise the recorded datasets, each labelled.
 * A version with neither has no evidence, and its verdicts say so.
 */
import { Experiment } from "../case";
import { fragmentation, gcLatency, profileInlining } from "../experiments";
import { LiveObservation, observe, ObservationStore, ObserveOptions, summarizeSources } from "../store";
import { experiment24 } from "../trace";
import { Evidence, evidenceOf } from "./evidence";
import { Claim, experimentsOf } from "./registry";

export type GatherOptions = ObserveOptions;

/** Every experiment the claims need. */
export function claimExperiments(claims: readonly Claim[]): Experiment[] {
  return claims.flatMap(experimentsOf);
}

export async function gatherEvidence(claims: readonly Claim[], options: GatherOptions): Promise<Evidence[]> {
  const store = await observe(claimExperiments(claims), options);
  return withLiveExperiments(claims, store);
}

/**
 * Evidence from a store already gathered, plus the experiments that only run live (GC benchmarks,
 * the inlining profile, the churn time series, chapter 2.4's Delve hit counts) on the versions
 * where Go runs, through the result cache. A notebook observes once and calls this.
 */
export async function withLiveExperiments(claims: readonly Claim[], store: ObservationStore): Promise<Evidence[]> {
  const evidence = evidenceOf(store);
  // The live result's source joins the version's sources, so a cached benchmark says so.
  const at = (o: LiveObservation<unknown>) => {
    const e = evidence.find((x) => x.go === o.go)!;
    if (o.result !== undefined) {
      e.sources.push(o.source);
      e.source = summarizeSources(e.sources);
    }
    return e;
  };
  const gcCases = claims.flatMap((c) => (c.check.kind === "gcLatency" ? c.check.cases : []));
  const wants = (kind: string) => claims.some((c) => c.check.kind === kind);
  if (gcCases.length) {
    for (const o of await store.onLiveVersions("gc-latency", { cases: gcCases }, (v) => gcLatency(gcCases, { go: v.spec }))) at(o).gc = o.result;
  }
  if (wants("pprofInlining")) {
    for (const o of await store.onLiveVersions("pprof-inlining", {}, (v) => profileInlining({ go: v.spec }))) at(o).pprof = o.result;
  }
  if (wants("fragmentation")) {
    for (const o of await store.onLiveVersions("fragmentation", {}, (v) => fragmentation({ go: v.spec }))) at(o).fragmentation = o.result;
  }
  if (wants("breakpointFrequency")) {
    for (const o of await store.onLiveVersions("breakpoint-frequency", {}, (v) => experiment24(undefined, { go: v.spec }))) at(o).breakpoints = o.result;
  }
  return evidence;
}
