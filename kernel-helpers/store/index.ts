/** The observation store: every result with its typed provenance, and the query API pages read. */
export * from "./source";
export * from "./observation";
export { ObservationStore, VersionEntry, SelectOptions } from "./store";
export { observe, ObserveOptions } from "./gather";
export { cacheFor } from "./cache-option";
export { measureThroughCache } from "./measured";
export { LiveObservation, runOnLiveVersions, forEachLiveVersion, throughCache, eachThroughCache } from "./live";
export { simulateBeside, BesideRow } from "./beside";
export { simulatedObservation, simulateExperiment, modelled, allocationsOf } from "./simulated";
export { namedExperimentKey } from "./keys";
export { onEveryVersion, recordedLiveObservation } from "./recorded-live";
