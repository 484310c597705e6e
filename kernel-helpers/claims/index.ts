/** The claims registry and verdicts computed from runs. */
export { loadClaims, experimentsOf, instantiate, Claim, ClaimPart, Check, ClaimParameters } from "./registry";
export { Evidence, evidenceFrom, evidenceFromObservations, evidenceOf } from "./evidence";
export { runCheck } from "./checks";
export { CheckOutcome, PartOutcome, VersionVerdict, VERDICT_KINDS, fromParts } from "./outcome";
export { explain, Explanation } from "./explain";
export { runtimeSources, indexGoroot, RuntimeSources } from "./runtime-source";
export { computeVerdicts, overallOf, ClaimVerdict, OverallVerdict, VersionOutcome, VerdictOptions } from "./verdict";
export { gatherEvidence, withLiveExperiments, claimExperiments, claimLiveExperiments, GatherOptions } from "./gather";
export { verdictsJson, VerdictJson } from "./json";
export { decideClaims } from "./decide";
export { claimsSummary, claimSentence, verdictCounts } from "./summary";
