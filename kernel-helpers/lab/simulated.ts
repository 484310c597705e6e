/**
 * Fills what was neither measured nor recorded with the simulator's answer, in the shape of a
 * measured result and labelled as simulated (backend "simulate"), so tables and charts show every
 * case and say where each number came from. Claims never use these: their checks read things only
 * a run has (the compiler's escape decisions).
 */
import { MeasureResult } from "../measure";
import { bucketsOf, simulate } from "../sim";
import { Experiment, VersionResults } from "./across";

/** A result in the measured shape that the simulator produced. */
export type SimulatedAsMeasured = Omit<MeasureResult, "backend"> & { backend: "simulate" };

function asMeasured(e: Experiment, go: string): SimulatedAsMeasured {
  const sim = simulate(e.case, { go, debug: e.debug });
  const bySize = [...bucketsOf(sim.go, sim.allocations).entries()].map(([k, count]) => {
    const [min, max] = k.split("-");
    return { min: Number(min), max: max === "∞" ? null : Number(max), count };
  });
  return {
    go: sim.go, goarch: sim.goarch, backend: "simulate", case: sim.case, mallocs: sim.mallocs, allocatedBytes: sim.allocatedBytes ?? 0,
    bytes: sim.bytes, distribution: sim.distribution, allocations: sim.allocations,
    runs: sim.distribution?.runs ?? 1, deterministic: !sim.distribution,
    memstats: { mallocs: sim.mallocs, totalAlloc: sim.allocatedBytes ?? 0, heapObjects: sim.mallocs },
    metrics: { "/gc/heap/tiny/allocs:objects": sim.tinyAllocs },
    bySize, escape: [],
    build: { gcflags: [], debug: e.debug, goexperiment: "", goos: "linux", cached: false },
  };
}

/** The same versions, with each missing experiment answered by the simulator (where modelled). */
export function withSimulated(across: readonly VersionResults[]): (VersionResults & { simulated: SimulatedAsMeasured[] })[] {
  return across.map((v) => {
    const simulated: SimulatedAsMeasured[] = [];
    for (const e of v.missing) {
      try {
        simulated.push(asMeasured(e, v.spec));
      } catch {
        // A version the simulator does not model keeps its gap; the table shows fewer rows.
      }
    }
    return { ...v, simulated };
  });
}
