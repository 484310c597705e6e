/**
 * The simulator beside the runtime: every real observation next to what the model of that Go
 * version predicts, with whether they agree (exactly, or inside the simulated range where the
 * runtime is random). What no run answers gets the model alone, labelled.
 */
import { describeCase, Experiment } from "../case";
import { agreement, SimResult } from "../sim";
import { modelled, simulateExperiment } from "./simulated";
import { describeSource } from "./source";
import { ObservationStore } from "./store";

export interface BesideRow {
  case: string;
  build: string;
  go: string;
  /** Where the measured number came from (describeSource), or "simulated only". */
  source: string;
  measured: number | null;
  simulated: number;
  /** "7–13" when the model is random for this case, else "". */
  simulatedRange: string;
  /** Null where nothing was measured. */
  agree: boolean | null;
  differences: string;
}

function row(sim: SimResult, base: Omit<BesideRow, "simulated" | "simulatedRange">): BesideRow {
  const d = sim.distribution;
  return { ...base, simulated: sim.mallocs, simulatedRange: d ? `${d.min}–${d.max}` : "" };
}

const buildOf = (e: Experiment) => (e.debug ? "-N -l" : "optimized");

/** Pairs each observation with the simulator's answer, and answers what no run did. */
export function simulateBeside(store: ObservationStore): BesideRow[] {
  return store.versions.flatMap((v) => {
    if (!modelled(v.go) && !modelled(v.spec)) return [];
    const alone = v.missing.map((e) => row(simulateExperiment(e, v.spec), {
      case: describeCase(e.case), build: buildOf(e), go: v.go, source: "simulated only", measured: null, agree: null, differences: "",
    }));
    return [...alone, ...[...v.observed.values()].map((o) => {
      const sim = simulateExperiment(o.experiment, o.result.go);
      const a = agreement(sim, o.result);
      return row(sim, {
        case: describeCase(o.experiment.case), build: buildOf(o.experiment), go: o.result.go, source: describeSource(o.source),
        measured: o.result.mallocs, agree: a.agree, differences: a.differences.join("; "),
      });
    })];
  });
}
