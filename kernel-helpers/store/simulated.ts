/**
 * The simulator's answer in the measured shape, labelled as simulated, so tables and charts can
 * show every case and say where each number came from. Claims never read these: their checks use
 * what only a run has (the compiler's escape decisions).
 */
import { Experiment, experimentKey } from "../case";
import { AllocationRecord } from "../result";
import { agreement, bucketsOf, simulate, SimResult, versionModel } from "../sim";
import { Measured, Observation, SimulatedAsMeasured } from "./observation";

/** True when the simulator models this version ("1.26", "1.26.8"). */
export function modelled(go: string): boolean {
  try {
    versionModel(go);
    return true;
  } catch {
    return false;
  }
}

const MEMO_SIZE = 4096;
const memo = new Map<string, SimResult>();

/**
 * simulate(), remembered: a page asks the model about the same experiment for its tables, its
 * charts and its "beside the runtime" view, and a hash-dependent case costs 200 seeded runs.
 */
export function simulateExperiment(e: Experiment, go: string): SimResult {
  const key = `${versionModel(go).go} ${experimentKey(e)}`;
  let sim = memo.get(key);
  if (!sim) {
    sim = simulate(e.case, { go, debug: e.debug });
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(key, sim);
  }
  return sim;
}

/** The simulator's observation of one experiment on one version; undefined where not modelled. */
export function simulatedObservation(e: Experiment, go: string): Observation<SimulatedAsMeasured> | undefined {
  if (!modelled(go)) return undefined;
  const sim = simulateExperiment(e, go);
  const bySize = [...bucketsOf(sim.go, sim.allocations).entries()].map(([k, count]) => {
    const [min, max] = k.split("-");
    return { min: Number(min), max: max === "∞" ? null : Number(max), count };
  });
  const result: SimulatedAsMeasured = {
    go: sim.go, goarch: sim.goarch, backend: "simulate", case: sim.case, mallocs: sim.mallocs, allocatedBytes: sim.allocatedBytes ?? 0,
    bytes: sim.bytes, distribution: sim.distribution, allocations: sim.allocations,
    runs: sim.distribution?.runs ?? 1, deterministic: !sim.distribution,
    memstats: { mallocs: sim.mallocs, totalAlloc: sim.allocatedBytes ?? 0, heapObjects: sim.mallocs },
    metrics: { "/gc/heap/tiny/allocs:objects": sim.tinyAllocs },
    bySize, escape: [],
    build: { gcflags: [], debug: e.debug, goexperiment: "", goos: "linux", cached: false },
  };
  return { experiment: e, toolchain: { go: sim.go, goarch: sim.goarch, goexperiment: "" }, source: { kind: "simulated", model: `model of Go ${sim.go}` }, result };
}

/**
 * Each allocation of an observation, one by one: the simulator's account, given only where it
 * agrees exactly with the run (count, bytes, tiny allocations, size buckets), or for a simulated
 * observation. Undefined where the simulator does not model the version or does not agree, or the
 * runtime is random (a run's allocations then differ from the model's one draw).
 */
export function allocationsOf(o: Observation<Measured>): AllocationRecord[] | undefined {
  if (o.result.backend === "simulate") return o.result.distribution ? undefined : o.result.allocations;
  if (!modelled(o.result.go)) return undefined;
  const sim = simulateExperiment(o.experiment, o.result.go);
  const a = agreement(sim, o.result);
  return a.agree && a.kind === "deterministic" ? sim.allocations : undefined;
}
