/** Building stores by hand for tests: made-up results, labelled as such. */
import { Case, experimentKey } from "../../kernel-helpers/case";
import { MeasureResult } from "../../kernel-helpers/measure";
import { Observation, ObservationStore, Source, VersionEntry } from "../../kernel-helpers/store";

/** A made-up measurement: the numbers are chosen by the test, not by a run. */
export function measured(c: Case, mallocs: number, bytes: number, bucket: [number, number], go = "1.26.8"): MeasureResult {
  return {
    go, goarch: "amd64", backend: "measure", case: c, mallocs, allocatedBytes: bytes, runs: 1, deterministic: true,
    memstats: { mallocs, totalAlloc: bytes, heapObjects: mallocs }, metrics: { "/gc/heap/tiny/allocs:objects": 0 },
    bySize: [{ min: bucket[0], max: bucket[1], count: 1 }], escape: [], build: { gcflags: [], debug: false, goexperiment: "", goos: "linux", cached: false },
  };
}

/** One version's entry holding the given results, all from `source`. */
export function versionEntry(spec: string, go: string, results: MeasureResult[], source: Source, missing: Case[] = []): VersionEntry {
  const observed = new Map(results.map((r): [string, Observation<MeasureResult>] => {
    const experiment = { case: r.case, debug: r.build.debug };
    return [experimentKey(experiment), { experiment, toolchain: { go: r.go, goarch: r.goarch, goexperiment: "" }, source, result: r }];
  }));
  return { spec, go, observed, missing: missing.map((c) => ({ case: c, debug: false })) };
}

export const storeOf = (...versions: VersionEntry[]) => new ObservationStore(versions);
