/** Child processes and temporary folders that never outlive the lab. */
export { runProcess, RunOptions, RunResult } from "./run";
export { withTempDir, TEMP_PREFIX } from "./tempdir";
export { cleanupAll, tracked, killGroup, exitOnSignals } from "./cleanup";
export { spawnTracked, SpawnOptions, TrackedChild, ChildExit } from "./spawn";
export { trackGroup, releaseGroup } from "./cleanup";
