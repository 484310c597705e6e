/**
 * Evidence for one Go version: results looked up by case and build, with where they came from
 * (measured just now, or recorded on a date). Checks read evidence and never run anything.
 */
import { Case } from "../case";
import { MeasureResult } from "../measure";
import type { FragmentationSample, GcLatencyRow, InliningProfile } from "../experiments";
import { Dataset } from "../record";
import type { Experiment24Result } from "../trace";

export interface Evidence {
  /** Full Go version. */
  go: string;
  /** "measured now" or "recorded 2026-11-24", for every row shown. */
  source: string;
  get(c: Case, debug: boolean): MeasureResult | undefined;
  /** Benchmarks with the collector on and off (live versions only: nothing records them yet). */
  gc?: GcLatencyRow[];
  /** A heap profile of an allocation inside an inlined function (live versions only). */
  pprof?: InliningProfile;
  /** Time series of the churn workloads (live versions only). */
  fragmentation?: FragmentationSample[];
  /** Chapter 2.4's Delve hit counts (live versions only). */
  breakpoints?: Experiment24Result;
}

const keyOf = (c: Case, debug: boolean) => `${debug ? "debug" : "optimized"} ${JSON.stringify(c)}`;

/** Evidence from results in hand (each result knows whether its build was a debug build). */
export function evidenceFrom(go: string, source: string, results: readonly MeasureResult[]): Evidence {
  const byKey = new Map(results.map((r) => [keyOf(r.case, r.build.debug), r]));
  return { go, source, get: (c, debug) => byKey.get(keyOf(c, debug)) };
}

/** Evidence from recorded datasets of one version (an optimized one and, if recorded, a debug one). */
export function evidenceFromDatasets(datasets: readonly Dataset[]): Evidence {
  const go = datasets[0].provenance.go;
  const dates = [...new Set(datasets.map((d) => d.provenance.date.slice(0, 10)))].join(", ");
  return evidenceFrom(go, `recorded ${dates}`, datasets.flatMap((d) => d.results));
}
