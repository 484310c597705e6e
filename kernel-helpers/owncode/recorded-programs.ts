/**
 * A recording's rows for the programs that are the same as the ones asked for: chapter 6 records
 * all its programs as one experiment, so a reader without Go who changes one size (and so one
 * program) would otherwise lose every program's recorded numbers, not only that one's.
 */
import type { LiveExperiment, OwnCodeRow } from "../experiments";
import { ExperimentsRecording, recordedExperiments } from "../record";
import type { LiveObservation } from "../store";

interface RecordedProgram {
  lesson: string;
  name: string;
  source: string;
}

const same = (a: RecordedProgram, b: RecordedProgram) => a.lesson === b.lesson && a.name === b.name && a.source === b.source;

/**
 * The newest recording (for this version) of the same experiment, run the same way, whose
 * programs include some of the wanted ones, byte for byte: its rows for those programs only, as
 * an observation labelled recorded; undefined when no recorded program is the same.
 */
export function recordedSamePrograms(spec: string, x: LiveExperiment<"own-code">, recordings: readonly ExperimentsRecording[] = recordedExperiments(spec)): LiveObservation<OwnCodeRow[]> | undefined {
  const wanted = x.inputs.programs as RecordedProgram[];
  for (const recording of [...recordings].reverse()) {
    for (const e of recording.experiments) {
      if (e.name !== x.name || e.inputs.runs !== x.inputs.runs) continue;
      const programs = e.inputs.programs as RecordedProgram[];
      const kept = programs.filter((p) => wanted.some((w) => same(p, w)));
      if (kept.length === 0) continue;
      const rows = (e.result as OwnCodeRow[]).filter((r) => kept.some((p) => p.lesson === r.lesson && p.name === r.name));
      const p = recording.provenance;
      return {
        spec, go: p.go, toolchain: { go: p.go, goarch: p.goarch, goexperiment: p.goexperiment },
        source: { kind: "recorded", file: recording.file, at: e.at }, result: rows,
      };
    }
  }
  return undefined;
}
