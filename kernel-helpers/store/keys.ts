/**
 * Result-cache keys: everything a result depends on, so that a cached entry is found only when
 * running again would give the same answer (up to the runtime's own randomness).
 */
import { languageVersion, Toolchain } from "../go";
import { probeFingerprint } from "../probe";
import { golabVersion } from "../version";

/**
 * Key of a named experiment (measure, trace, GC benchmarks, pprof, churn, Delve hit counts) and
 * its inputs on a toolchain: the inputs hold the canonical case(s) and build flags.
 */
export function namedExperimentKey(tc: Toolchain, name: string, inputs: unknown) {
  return {
    go: tc.version, goarch: tc.goarch, goos: tc.goos, goexperiment: tc.goexperiment,
    experiment: name, inputs, probe: probeFingerprint(languageVersion(tc.version)), golab: golabVersion(),
  };
}
