/**
 * Measuring through the result cache: what is cached is read, only what is missing is measured
 * (one build and one run per build kind), and every new result is stored for next time.
 */
import { Case, caseKey, Experiment } from "../case";
import { ResultCache } from "../cache";
import { Toolchain } from "../go";
import { measureWith, MeasureResult } from "../measure";
import { gcflagsFor } from "../probe";
import { eachThroughCache } from "./live";
import { Observation } from "./observation";

export interface MeasureThroughCacheOptions {
  runs: number;
  timeoutMs: number;
  /** The memory cap for the probe process (default: measure's). Results do not depend on it. */
  memCap?: number;
  /** The cache to read and fill; undefined measures everything and stores nothing. */
  cache?: ResultCache;
  onProgress?: (message: string) => void;
  /** Told the case list of each probe measured now (a trace of some of its cases reuses it). */
  onProbe?: (probe: MeasuredProbe) => void;
}

/** A probe measure built and ran: its build kind and its cases, in the probe's order. */
export interface MeasuredProbe {
  debug: boolean;
  cases: Case[];
}

/** One observation per experiment, in the order given. */
export async function measureThroughCache(tc: Toolchain, experiments: readonly Experiment[], { runs, timeoutMs, memCap, cache, onProgress, onProbe }: MeasureThroughCacheOptions): Promise<Observation<MeasureResult>[]> {
  const toolchain = { go: tc.version, goarch: tc.goarch, goexperiment: tc.goexperiment };
  // The two build kinds are separate probes: built and run at the same time, since counts do not
  // depend on what else the machine runs (a rerun with a new size waits for one build, not two).
  const kinds = await Promise.all([false, true].map(async (debug) => {
    const mine = experiments.filter((e) => e.debug === debug);
    if (mine.length === 0) return [];
    const outcomes = await eachThroughCache(cache, tc, "measure", mine, (e) => ({ case: caseKey(e.case), debug, gcflags: gcflagsFor(debug), runs }),
      async (missing) => {
        const cases = missing.map((e) => e.case);
        const results = await measureWith(tc, cases, { runs, debug, timeoutMs, memCap, onProgress });
        onProbe?.({ debug, cases });
        return results;
      });
    return outcomes.map((o, i): Observation<MeasureResult> => ({ experiment: mine[i], toolchain, ...o }));
  }));
  const out = kinds.flat();
  const cached = out.filter((o) => o.source.kind === "cached").length;
  if (cached) onProgress?.(`Go ${tc.version}: ${cached} of ${experiments.length} results from the cache`);
  // Back to the order asked for.
  const index = new Map(experiments.map((e, i) => [e, i]));
  return out.sort((a, b) => index.get(a.experiment)! - index.get(b.experiment)!);
}
