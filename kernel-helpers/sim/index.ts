/** The simulator: a pure, per-version model of what a case allocates, and why. */
export { simulate, simulateWith, simulateCounts, checkSeeds, SimulateOptions, SimResult, SimCounts, DEFAULT_SEEDS, DEFAULT_SIM_GO } from "./simulate";
export { versionModel, debugBuild, buildModel, VersionModel, MODELLED_VERSIONS } from "./versions";
export { agreement, bucketsOf, Agreement, Measured } from "./agreement";
