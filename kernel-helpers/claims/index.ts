/** The claims registry and verdicts computed from runs. */
export { loadClaims, experimentsOf, instantiate, Claim, Check, Experiment, ClaimParameters } from "./registry";
export { Evidence, evidenceFrom, evidenceFromDatasets } from "./evidence";
export { runCheck, CheckOutcome, VersionVerdict } from "./checks";
export { computeVerdicts, ClaimVerdict, OverallVerdict } from "./verdict";
export { gatherEvidence, withLiveExperiments, recordedEvidence, GatherOptions } from "./gather";
