/**
 * observe: the experiments on several Go versions, into one store. Where that Go is installed
 * (and `live`), results come from the result cache or are measured now (only what is missing,
 * one batch per build kind); otherwise from the recorded datasets. What neither answers stays
 * missing, and the store's queries fill it with the simulator's answer, labelled.
 */
import { distinctExperiments, Experiment, experimentKey } from "../case";
import { ResultCache } from "../cache";
import { cacheFor } from "./cache-option";
import { GolabError } from "../errors";
import { findToolchain, Toolchain } from "../go";
import { DEFAULT_RUNS } from "../measure";
import { recordedDatasets } from "../record";
import { MeasuredProbe, measureThroughCache } from "./measured";
import { recordedObservations } from "./recorded";
import { ObservationStore, VersionEntry } from "./store";

export interface ObserveOptions {
  /** Versions, e.g. ["1.19", "1.26", "1.27"]. */
  versions: readonly string[];
  /** Run installed versions (default true); false reads recorded datasets only. */
  live?: boolean;
  runs?: number;
  /** Read and fill the result cache (default true), or the cache to use. */
  cache?: boolean | ResultCache;
  /** Milliseconds for one probe run. Default 10 minutes. */
  timeoutMs?: number;
  onProgress?: (message: string) => void;
}

async function installed(spec: string, onProgress?: (m: string) => void): Promise<Toolchain | undefined> {
  try {
    return await findToolchain(spec);
  } catch (e) {
    if (!(e instanceof GolabError)) throw e;
    onProgress?.(`Go ${spec} is not installed here: using recorded datasets`);
    return undefined;
  }
}

/** Runs, reads or records every experiment on every version. */
export async function observe(experiments: readonly Experiment[], options: ObserveOptions): Promise<ObservationStore> {
  const { versions, live = true, runs = DEFAULT_RUNS, timeoutMs = 600_000, onProgress } = options;
  const wanted = distinctExperiments(experiments);
  const cache = cacheFor(options.cache, onProgress);
  // Versions are independent (counts do not depend on what else the machine runs), so their
  // builds and runs overlap: a rerun with a new size builds one probe per version at once.
  const entries = await Promise.all(versions.map(async (spec): Promise<VersionEntry> => {
    const tc = live ? await installed(spec, onProgress) : undefined;
    if (tc) {
      const probes: MeasuredProbe[] = [];
      const observations = await measureThroughCache(tc, wanted, { runs, timeoutMs, cache, onProgress, onProbe: (p) => probes.push(p) });
      return { spec, go: tc.version, toolchain: tc, observed: new Map(observations.map((o) => [experimentKey(o.experiment), o])), missing: [], probes };
    }
    const datasets = recordedDatasets(spec);
    if (datasets.length === 0) onProgress?.(`no recorded dataset for Go ${spec}`);
    const recorded = recordedObservations(datasets);
    const observed = new Map(wanted.flatMap((e) => {
      const o = recorded.get(experimentKey(e));
      return o ? [[experimentKey(e), o] as const] : [];
    }));
    const missing = wanted.filter((e) => !observed.has(experimentKey(e)));
    if (datasets.length && missing.length) onProgress?.(`Go ${spec}: ${missing.length} experiments are not in the recorded datasets`);
    return { spec, go: datasets[0]?.provenance.go ?? spec, observed, missing };
  }));
  return new ObservationStore(entries, cache, onProgress);
}
