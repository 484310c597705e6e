/**
 * Measuring through the result cache: what is cached is read, only what is missing is measured
 * (one build and one run per build kind), and every new result is stored for next time.
 */
import { Experiment } from "../case";
import { ResultCache } from "../cache";
import { Toolchain } from "../go";
import { measureWith, MeasureResult } from "../measure";
import { measureKey } from "./keys";
import { Observation } from "./observation";

export interface MeasureThroughCacheOptions {
  runs: number;
  timeoutMs: number;
  /** The cache to read and fill; undefined measures everything and stores nothing. */
  cache?: ResultCache;
  onProgress?: (message: string) => void;
}

const KIND = "measure";

/** One observation per experiment, in the order given. */
export async function measureThroughCache(tc: Toolchain, experiments: readonly Experiment[], { runs, timeoutMs, cache, onProgress }: MeasureThroughCacheOptions): Promise<Observation<MeasureResult>[]> {
  const toolchain = { go: tc.version, goarch: tc.goarch, goexperiment: tc.goexperiment };
  const out: (Observation<MeasureResult> | undefined)[] = experiments.map((e) => {
    const hit = cache?.get<MeasureResult>(KIND, measureKey(tc, e, runs));
    return hit && { experiment: e, toolchain, source: { kind: "cached", at: hit.at }, result: hit.value };
  });
  const hits = out.filter(Boolean).length;
  if (hits) onProgress?.(`Go ${tc.version}: ${hits} of ${experiments.length} results from the cache`);
  for (const debug of [false, true]) {
    const todo = experiments.map((e, i) => [e, i] as const).filter(([e, i]) => e.debug === debug && !out[i]);
    if (todo.length === 0) continue;
    const results = await measureWith(tc, todo.map(([e]) => e.case), { runs, debug, timeoutMs, onProgress });
    todo.forEach(([e, i], j) => {
      cache?.put(KIND, measureKey(tc, e, runs), results[j]);
      out[i] = { experiment: e, toolchain, source: { kind: "live" }, result: results[j] };
    });
  }
  return out as Observation<MeasureResult>[];
}
