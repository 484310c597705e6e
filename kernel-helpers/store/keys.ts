/**
 * Result-cache keys: everything a result depends on, so that a cached entry is found only when
 * measuring again would give the same answer (up to the runtime's own randomness).
 */
import { caseKey, Experiment } from "../case";
import { Toolchain } from "../go";
import { gcflagsFor, probeFingerprint } from "../probe";
import { golabVersion } from "../version";

/** The parts of a toolchain a result depends on. */
function toolchainPart(tc: Toolchain) {
  return { go: tc.version, goarch: tc.goarch, goos: tc.goos, goexperiment: tc.goexperiment };
}

/** Key of one case measured with `runs` calls in the given build. */
export function measureKey(tc: Toolchain, e: Experiment, runs: number) {
  return {
    ...toolchainPart(tc),
    case: caseKey(e.case),
    debug: e.debug,
    gcflags: gcflagsFor(e.debug),
    runs,
    probe: probeFingerprint(),
    golab: golabVersion(),
  };
}

/** Key of a named experiment (trace, GC benchmarks, pprof, churn, Delve hit counts) and its inputs. */
export function namedExperimentKey(tc: Toolchain, name: string, inputs: unknown) {
  return { ...toolchainPart(tc), experiment: name, inputs, probe: probeFingerprint(), golab: golabVersion() };
}
