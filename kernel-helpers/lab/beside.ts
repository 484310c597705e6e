/**
 * The simulator beside the runtime: every measured or recorded result next to what the model of
 * that Go version predicts, with whether they agree (exactly, or inside the simulated range where
 * the runtime is random). Versions with neither a Go nor a recording get the model alone, labelled.
 */
import { describeCase } from "../case";
import { agreement, MODELLED_VERSIONS, simulate, SimResult } from "../sim";
import { Experiment, VersionResults } from "./across";

export interface BesideRow {
  case: string;
  build: string;
  go: string;
  /** "measured now", "recorded …", or "none". */
  source: string;
  measured: number | null;
  simulated: number;
  /** "7–13" when the model is random for this case, else "". */
  simulatedRange: string;
  /** Null where nothing was measured. */
  agree: boolean | null;
  differences: string;
}

function modelled(go: string): boolean {
  return MODELLED_VERSIONS.some((v) => v === go || go.startsWith(`${v.split(".").slice(0, 2).join(".")}`));
}

function row(sim: SimResult, base: Omit<BesideRow, "simulated" | "simulatedRange">): BesideRow {
  const d = sim.distribution;
  return { ...base, simulated: sim.mallocs, simulatedRange: d ? `${d.min}–${d.max}` : "" };
}

/** Pairs each result with the simulator's answer, and answers what was neither measured nor recorded. */
export function simulateBeside(across: readonly VersionResults[]): BesideRow[] {
  return across.flatMap((v) => {
    if (!modelled(v.go)) return [];
    const alone = v.missing.map((e: Experiment) => row(simulate(e.case, { go: v.spec, debug: e.debug }), {
      case: describeCase(e.case), build: e.debug ? "-N -l" : "optimized", go: v.spec, source: "simulated only", measured: null, agree: null, differences: "",
    }));
    return [...alone, ...v.results.map((r) => {
      const sim = simulate(r.case, { go: r.go, debug: r.build.debug });
      const a = agreement(sim, r);
      return row(sim, {
        case: describeCase(r.case), build: r.build.debug ? "-N -l" : "optimized", go: r.go, source: v.source,
        measured: r.mallocs, agree: a.agree, differences: a.differences.join("; "),
      });
    })];
  });
}
