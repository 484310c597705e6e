/** Probes: generated Go programs that run the cases, and what they report. */
export { generateProbe, GeneratedProbe, PROBE_MODULE } from "./generate";
export { buildProbe, BuiltProbe, BuildOptions, gcflagsFor, ldflagsFor, measuredWithDebugInfo } from "./build";
export { FINGERPRINT_SAMPLES, probeFingerprint } from "./fingerprint";
export { escapeDecisionsByCase, EscapeDecision } from "./escape";
export { parseProbeOutput, ProbeSample } from "./output";
export { METRIC_NAMES, SIZE_HISTOGRAM, COLUMNS, BEGIN_MARKER, END_MARKER } from "./harness";
export { shownProgram, buildCommand, ShownProgram } from "./shown";
