/**
 * Evidence for one Go version: real results (run now, cached, or recorded) looked up by case and
 * build, with where they came from. Checks read evidence and never run anything; the simulator's
 * answers are never evidence.
 */
import { Case, experimentKey } from "../case";
import { MeasureResult } from "../measure";
import type { FragmentationSample, GcLatencyRow, GcTraceLine, InliningProfile } from "../experiments";
import { Observation, ObservationStore, Source, summarizeSources } from "../store";
import type { Experiment24Result } from "../trace";

export interface Evidence {
  /** Full Go version. */
  go: string;
  /** Where the results came from, in words, for every row shown ("measured now", "recorded 2026-11-24"). */
  source: string;
  /** The same, typed: one entry per result. */
  sources: Source[];
  get(c: Case, debug: boolean): MeasureResult | undefined;
  /** Benchmarks with the collector on and off, repeated (run, cached or recorded). */
  gc?: GcLatencyRow[];
  /** A GODEBUG=gctrace=1 benchmark run, parsed (run, cached or recorded). */
  gctrace?: GcTraceLine[];
  /** A heap profile of an allocation inside an inlined function (run, cached or recorded). */
  pprof?: InliningProfile;
  /** Time series of the churn workloads (run, cached or recorded). */
  fragmentation?: FragmentationSample[];
  /** Chapter 2.4's Delve hit counts (run where Delve fits that Go, cached or recorded). */
  breakpoints?: Experiment24Result;
}

/** Evidence from observations of one version. */
export function evidenceFromObservations(go: string, observations: readonly Observation<MeasureResult>[]): Evidence {
  const byKey = new Map(observations.map((o) => [experimentKey(o.experiment), o.result]));
  const sources = observations.map((o) => o.source);
  return { go, source: summarizeSources(sources), sources, get: (c, debug) => byKey.get(experimentKey({ case: c, debug })) };
}

/** Evidence from results in hand, all from one source (tests, synthetic data). */
export function evidenceFrom(go: string, source: Source, results: readonly MeasureResult[]): Evidence {
  return evidenceFromObservations(go, results.map((r) => ({
    experiment: { case: r.case, debug: r.build.debug }, toolchain: { go: r.go, goarch: r.goarch, goexperiment: r.build.goexperiment }, source, result: r,
  })));
}

/** One Evidence per version of the store (only what real runs answered). */
export function evidenceOf(store: ObservationStore): Evidence[] {
  return store.versions.map((v) => evidenceFromObservations(v.go, [...v.observed.values()]));
}
