/**
 * Experiments that only a running Go can do (Delve traces, GC benchmarks, heap profiles, churn
 * time series), run on each version where Go runs now, through the result cache like measuring.
 */
import { ResultCache } from "../cache";
import { GolabError } from "../errors";
import { Toolchain } from "../go";
import { namedExperimentKey } from "./keys";
import { LiveVersion, ToolchainId } from "./observation";
import { Source } from "./source";

/** One version's outcome of a named experiment: its result, or why it could not run there. */
export interface LiveObservation<R> {
  spec: string;
  go: string;
  toolchain: ToolchainId;
  source: Source;
  result?: R;
  /** A failure the user can act on (e.g. no Delve for this Go), in one line. */
  error?: string;
}

export interface LiveRunOptions {
  cache?: ResultCache;
  onProgress?: (message: string) => void;
}

/**
 * One named experiment on one toolchain: its cached result, or `work` run now and stored.
 * `name` and `inputs` (plain JSON) say what is run; the result must be plain JSON too.
 */
export async function throughCache<R>(cache: ResultCache | undefined, tc: Toolchain, name: string, inputs: unknown, work: () => Promise<R>): Promise<{ source: Source; result: R }> {
  const [outcome] = await eachThroughCache(cache, tc, name, [inputs], (i) => i, async () => [await work()]);
  return outcome;
}

/**
 * Many items on one toolchain, each cached on its own: cached ones are read, `work` gets only the
 * missing ones (one batch: one build, one run or one Delve session) and returns their results in
 * order. Returns one outcome per item, in the order given.
 */
export async function eachThroughCache<I, R>(
  cache: ResultCache | undefined, tc: Toolchain, name: string, items: readonly I[], keyOf: (item: I) => unknown, work: (missing: I[]) => Promise<R[]>,
): Promise<{ source: Source; result: R }[]> {
  const out = items.map((item) => {
    const hit = cache?.get<R>(name, namedExperimentKey(tc, name, keyOf(item)));
    return hit && { source: { kind: "cached", at: hit.at } as Source, result: hit.value };
  });
  const missing = items.map((item, i) => [item, i] as const).filter(([, i]) => !out[i]);
  if (missing.length) {
    const results = await work(missing.map(([item]) => item));
    missing.forEach(([item, i], j) => {
      cache?.put(name, namedExperimentKey(tc, name, keyOf(item)), results[j]);
      out[i] = { source: { kind: "live" }, result: results[j] };
    });
  }
  return out as { source: Source; result: R }[];
}

/**
 * Each version's outcomes from `work`, as observations; a failure the user can act on (no Delve
 * for this Go, say) becomes one observation of that version with the error, and the others go on.
 */
export async function forEachLiveVersion<R>(
  versions: readonly LiveVersion[], work: (v: LiveVersion) => Promise<{ source: Source; result: R }[]>, onProgress?: (message: string) => void,
  { concurrent = false }: { concurrent?: boolean } = {},
): Promise<LiveObservation<R>[]> {
  const one = async (v: LiveVersion): Promise<LiveObservation<R>[]> => {
    const base = { spec: v.spec, go: v.go, toolchain: { go: v.toolchain.version, goarch: v.toolchain.goarch, goexperiment: v.toolchain.goexperiment } };
    try {
      return (await work(v)).map((o) => ({ ...base, ...o }));
    } catch (e) {
      if (!(e instanceof GolabError)) throw e;
      onProgress?.(`Go ${v.go}: ${e.message}`);
      return [{ ...base, source: { kind: "live" }, error: e.message }];
    }
  };
  if (concurrent) return (await Promise.all(versions.map(one))).flat();
  // One after the other: what is timed must not share the machine with another version's run.
  const out: LiveObservation<R>[] = [];
  for (const v of versions) out.push(...(await one(v)));
  return out;
}

/** Runs `work` on each version through the cache. */
export function runOnLiveVersions<R>(
  versions: readonly LiveVersion[], name: string, inputs: unknown, work: (v: LiveVersion) => Promise<R>, { cache, onProgress }: LiveRunOptions = {},
): Promise<LiveObservation<R>[]> {
  return forEachLiveVersion(versions, async (v) => [await throughCache(cache, v.toolchain, name, inputs, () => {
    onProgress?.(`${name} on Go ${v.go}`);
    return work(v);
  })], onProgress);
}
