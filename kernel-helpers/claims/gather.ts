/**
 * Gathers evidence for the claims, per Go version, through the observation store: run now or read
 * from the result cache where that Go is installed, otherwise the recorded datasets
 * (data/measurements) and recorded live experiments (data/experiments), each labelled.
 * A version with neither has no evidence, and its verdicts say so.
 */
import { Experiment } from "../case";
import { breakpointExperiment, ClaimLiveName, fragmentationExperiment, gcLatencyExperiment, gcTraceExperiment, LiveExperiment, pprofExperiment } from "../experiments";
import { observe, ObservationStore, ObserveOptions, onEveryVersion, summarizeSources } from "../store";
import { Evidence, evidenceOf } from "./evidence";
import { Check, Claim, experimentsOf } from "./registry";

export type GatherOptions = ObserveOptions;

/** Every experiment the claims need. */
export function claimExperiments(claims: readonly Claim[]): Experiment[] {
  return claims.flatMap(experimentsOf);
}

export async function gatherEvidence(claims: readonly Claim[], options: GatherOptions): Promise<Evidence[]> {
  const store = await observe(claimExperiments(claims), options);
  return withLiveExperiments(claims, store, options.onProgress);
}

/** The live-only experiments the claims need (their inputs from the registry), from the catalog. */
export function claimLiveExperiments(claims: readonly Claim[]): LiveExperiment<ClaimLiveName>[] {
  const gcCases = claims.flatMap((c) => (c.check.kind === "gcLatency" ? c.check.cases : []));
  const wants = (kind: Check["kind"]) => claims.some((c) => c.check.kind === kind);
  return [
    ...(gcCases.length ? [gcLatencyExperiment(gcCases), gcTraceExperiment()] : []),
    ...(wants("pprofInlining") ? [pprofExperiment()] : []),
    ...(wants("fragmentation") ? [fragmentationExperiment()] : []),
    ...(wants("breakpointFrequency") ? [breakpointExperiment()] : []),
  ];
}

const FIELD: { [N in ClaimLiveName]: keyof Evidence } = {
  "gc-latency": "gc", gctrace: "gctrace", "pprof-inlining": "pprof", fragmentation: "fragmentation", "breakpoint-frequency": "breakpoints",
};

/**
 * Evidence from a store already gathered, plus the experiments that only run live (GC benchmarks,
 * a gctrace run, the inlining profile, the churn series, chapter 2.4's Delve hit counts): run or
 * read from the result cache where Go runs, read from data/experiments elsewhere, each labelled.
 * A notebook observes once and calls this.
 */
export async function withLiveExperiments(claims: readonly Claim[], store: ObservationStore, onProgress?: (m: string) => void): Promise<Evidence[]> {
  const evidence = evidenceOf(store);
  for (const x of claimLiveExperiments(claims)) {
    const observations = await onEveryVersion(store, x.name, x.inputs, (v) => x.run(v.spec), onProgress);
    observations.forEach((o, i) => {
      if (o.result === undefined) return;
      const e = evidence[i];
      // The result's source joins the version's sources, so a cached or recorded benchmark says so.
      e.sources.push(o.source);
      e.source = summarizeSources(e.sources);
      (e as unknown as Record<string, unknown>)[FIELD[x.name]] = o.result;
    });
  }
  return evidence;
}
