/**
 * Live-only experiments on every version of the store: run now (or read from the result cache)
 * where Go runs, and read from the recordings in data/experiments (`golab record --experiments`)
 * everywhere else, labelled `recorded <date>`. A version with neither says why.
 */
import type { LiveName, LiveResults } from "../experiments";
import { ExperimentsRecording, findRecorded, recordedExperiments } from "../record";
import { LiveObservation } from "./live";
import { LiveVersion } from "./observation";
import { ObservationStore } from "./store";

/** The recorded run of one experiment for one version (spec or full version), as an observation. */
export function recordedLiveObservation<N extends LiveName>(spec: string, name: N, inputs: unknown, recordings: readonly ExperimentsRecording[] = recordedExperiments(spec)): LiveObservation<LiveResults[N]> {
  const found = findRecorded(recordings, name, inputs);
  if (!found) {
    const why = recordings.length
      ? `no recording of ${name} with these inputs for Go ${spec} (recorded: ${recordings.map((r) => r.file).join(", ")})`
      : `no recording of ${name} for Go ${spec}: run golab record --experiments --go ${spec} where it is installed`;
    return { spec, go: spec, toolchain: { go: spec, goarch: "", goexperiment: "" }, source: { kind: "recorded", file: "", at: "" }, error: why };
  }
  const p = found.recording.provenance;
  return {
    spec, go: p.go, toolchain: { go: p.go, goarch: p.goarch, goexperiment: p.goexperiment },
    source: { kind: "recorded", file: found.recording.file, at: found.experiment.at }, result: found.experiment.result,
  };
}

/**
 * A named live experiment on every version of the store, in the store's version order: where Go
 * runs, through the result cache (a run that fails there falls back to the recording, if any, and
 * says so); elsewhere, the recording.
 */
export async function onEveryVersion<N extends LiveName>(
  store: ObservationStore, name: N, inputs: unknown, work: (v: LiveVersion) => Promise<LiveResults[N]>, onProgress?: (m: string) => void,
): Promise<LiveObservation<LiveResults[N]>[]> {
  const live = await store.onLiveVersions(name, inputs, work);
  return store.versions.map((v) => {
    const ran = live.find((o) => o.spec === v.spec);
    if (ran && ran.result !== undefined) return ran;
    const recorded = recordedLiveObservation(v.spec, name, inputs);
    if (ran && recorded.result !== undefined) onProgress?.(`Go ${v.go}: ${name} failed (${ran.error}); using its recording`);
    return ran && recorded.result === undefined ? ran : recorded;
  });
}
