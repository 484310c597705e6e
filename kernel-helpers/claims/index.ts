/** The claims registry and verdicts computed from runs. */
export { loadClaims, experimentsOf, instantiate, Claim, Check, ClaimParameters } from "./registry";
export { Evidence, evidenceFrom, evidenceFromObservations, evidenceOf } from "./evidence";
export { runCheck, CheckOutcome, VersionVerdict } from "./checks";
export { computeVerdicts, ClaimVerdict, OverallVerdict } from "./verdict";
export { gatherEvidence, withLiveExperiments, claimExperiments, claimLiveExperiments, GatherOptions } from "./gather";
