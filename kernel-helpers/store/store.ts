/**
 * The observation store: what a page, the claims or the CLI know about a set of experiments on a
 * set of Go versions, and the one small query API they read it through. Experiments are matched
 * by their canonical key, never by JSON text; provenance is typed (./source.ts).
 */
import { Case, caseKey, Experiment, experimentKey } from "../case";
import { ResultCache } from "../cache";
import { Toolchain } from "../go";
import { MeasureResult } from "../measure";
import { trace, TraceOptions, TraceResult } from "../trace";
import { eachThroughCache, forEachLiveVersion, LiveObservation, runOnLiveVersions } from "./live";
import { MeasuredProbe } from "./measured";
import { LiveVersion, Measured, Observation } from "./observation";
import { simulatedObservation } from "./simulated";
import { Source, summarizeSources } from "./source";

/** What the store holds for one Go version. */
export interface VersionEntry {
  /** What was asked for, e.g. "1.19". */
  spec: string;
  /** Full Go version where known (installed or recorded), else the spec. */
  go: string;
  /** Present when that Go is installed and the store was allowed to run it. */
  toolchain?: Toolchain;
  /** Results of real runs (now, cached or recorded), by experiment key. */
  observed: Map<string, Observation<MeasureResult>>;
  /** Experiments nothing real answers for this version (the simulator can). */
  missing: Experiment[];
  /** The probes measured now on this version: a trace of some of their cases reuses the build. */
  probes?: readonly MeasuredProbe[];
}

export interface SelectOptions {
  /** `-N -l` builds instead of optimized ones (default false). Ignored for Experiments. */
  debug?: boolean;
  /** Fill what no run answers with the simulator's answer, labelled (default true). */
  simulated?: boolean;
  /** Only these versions (specs or full versions). */
  versions?: readonly string[];
}

export class ObservationStore {
  private readonly simulatedCache = new Map<string, Observation | undefined>();

  /**
   * @param versions what is known, version by version
   * @param cache where live experiments read and store their results (none: always run)
   * @param onProgress told what is being run
   */
  constructor(readonly versions: readonly VersionEntry[], readonly cache?: ResultCache, private readonly onProgress?: (m: string) => void) {}

  /**
   * Observations of the given cases (optimized builds unless `debug`) or experiments on every
   * version, in version order then in the order given; the simulator answers what no run did.
   */
  select(wanted: readonly (Case | Experiment)[], { debug = false, simulated = true, versions }: SelectOptions = {}): Observation[] {
    const experiments = wanted.map((w) => ("case" in w && "debug" in w ? w : { case: w as Case, debug }));
    return this.versions
      .filter((v) => !versions || versions.includes(v.spec) || versions.includes(v.go))
      .flatMap((v) => experiments.flatMap((e) => {
        const found = v.observed.get(experimentKey(e));
        if (found) return [found];
        return simulated ? (this.simulate(v, e) ?? []) : [];
      }));
  }

  /** The real observation of one experiment on one version (spec or full version), if any. */
  get(c: Case, go: string, debug = false): Observation<MeasureResult> | undefined {
    const v = this.versions.find((x) => x.spec === go || x.go === go);
    return v?.observed.get(experimentKey({ case: c, debug }));
  }

  /** Every real observation (no simulated ones), version by version. */
  all(): Observation<MeasureResult>[] {
    return this.versions.flatMap((v) => [...v.observed.values()]);
  }

  /** Versions where Go runs now. */
  live(): LiveVersion[] {
    return this.versions.flatMap((v) => (v.toolchain ? [{ spec: v.spec, go: v.go, toolchain: v.toolchain }] : []));
  }

  /**
   * A named experiment on every version where Go runs now (a trace, GC benchmarks, a profile),
   * through the result cache: `name` and `inputs` (plain JSON) say what is run; `only` limits
   * it to some of those versions.
   */
  onLiveVersions<R>(name: string, inputs: unknown, work: (v: LiveVersion) => Promise<R>, { only }: { only?: readonly string[] } = {}): Promise<LiveObservation<R>[]> {
    const versions = this.live().filter((v) => !only || only.includes(v.spec) || only.includes(v.go));
    return runOnLiveVersions(versions, name, inputs, work, { cache: this.cache, onProgress: this.onProgress });
  }

  /**
   * Traces the cases under Delve on every version where Go runs now, each case through the result
   * cache (the missing ones in one Delve session): one observation per version and case, or one
   * with an error for a version that cannot be traced (no Delve for it).
   */
  trace(cases: readonly Case[], { debug = false, stack, mode }: Pick<TraceOptions, "debug" | "stack" | "mode"> = {}): Promise<LiveObservation<TraceResult>[]> {
    return forEachLiveVersion(this.live(), (v) => eachThroughCache(this.cache, v.toolchain, "trace", cases, (c) => ({ case: caseKey(c), debug, stack: stack ?? null, mode: mode ?? null }),
      (missing) => {
        this.onProgress?.(`tracing ${missing.length} case${missing.length === 1 ? "" : "s"} under Delve on Go ${v.go}`);
        return trace(missing, { go: v.spec, debug, stack, mode, probeCases: this.probeHolding(v.spec, missing, debug) });
      }), this.onProgress, { concurrent: true }); // counts do not depend on the machine's load
  }

  /** The cases of a probe measured now on this version that holds every one of `cases`, if any. */
  private probeHolding(spec: string, cases: readonly Case[], debug: boolean): Case[] | undefined {
    const probes = this.versions.find((v) => v.spec === spec)?.probes ?? [];
    return probes.find((p) => {
      const keys = new Set(p.cases.map(caseKey));
      return p.debug === debug && cases.every((c) => keys.has(caseKey(c)));
    })?.cases;
  }

  /**
   * One provenance line for a caption: per version, where its numbers came from. With
   * observations given, only theirs (e.g. the rows of one table).
   */
  caption(observations?: readonly Observation<Measured>[]): string {
    return this.versions.map((v) => {
      const sources: Source[] = observations
        ? observations.filter((o) => o.toolchain.go === v.go || o.toolchain.go.startsWith(`${v.go}.`)).map((o) => o.source)
        : [...v.observed.values()].map((o) => o.source);
      if (!observations && v.missing.length) sources.push(...v.missing.map((): Source => ({ kind: "simulated", model: `model of Go ${v.go}` })));
      return `Go ${v.go}: ${sources.length ? summarizeSources(sources) : v.toolchain ? "installed, nothing measured" : "neither installed nor recorded"}`;
    }).join("; ");
  }

  private simulate(v: VersionEntry, e: Experiment): Observation | undefined {
    const key = `${v.spec} ${experimentKey(e)}`;
    if (!this.simulatedCache.has(key)) this.simulatedCache.set(key, simulatedObservation(e, v.toolchain ? v.go : v.spec));
    return this.simulatedCache.get(key);
  }
}
