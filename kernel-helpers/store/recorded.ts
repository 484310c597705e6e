/** Observations read from recorded datasets (data/measurements), each with its file and date. */
import { Experiment, experimentKey } from "../case";
import { MeasureResult } from "../measure";
import { Dataset } from "../record";
import { Observation } from "./observation";

/** Every result of the datasets, by experiment key. */
export function recordedObservations(datasets: readonly Dataset[]): Map<string, Observation<MeasureResult>> {
  const out = new Map<string, Observation<MeasureResult>>();
  for (const d of datasets) {
    const toolchain = { go: d.provenance.go, goarch: d.provenance.goarch, goexperiment: d.provenance.goexperiment };
    for (const r of d.results) {
      const experiment: Experiment = { case: r.case, debug: r.build.debug };
      out.set(experimentKey(experiment), { experiment, toolchain, source: { kind: "recorded", file: d.file, at: d.provenance.date }, result: r });
    }
  }
  return out;
}
