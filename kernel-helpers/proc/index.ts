/** Child processes and temporary folders that never outlive the lab; /proc and timers, read and kept in one place. */
export { runProcess, crashLine, CRASH_LINE, OUT_OF_MEMORY, RunOptions, RunResult } from "./run";
export { withTempDir, TEMP_PREFIX } from "./tempdir";
export { cleanupAll, tracked, killGroup, exitOnSignals } from "./cleanup";
export { spawnTracked, SpawnOptions, TrackedChild, ChildExit } from "./spawn";
export { trackGroup, releaseGroup, trackFolder, releaseFolder, TrackOptions } from "./cleanup";
export { watchdogPid } from "./watchdog";
export {
  ProcInfo, ProcDetails, listProcesses, processInfo, processGroup, childrenOf, descendantsOf, isAlive, pidExists,
  stillThere, commandLine, cwdOf, residentKiB, environmentVariable, withDetails, allowedCpus, onlineCpus, parseCpuList,
} from "./procfs";
export { canPin, nextPinnedCpu, onCpu, usableCpus } from "./cpu-pin";
export { sleep, sleepSync, withTimeout, waitAtMost, waitUntil, waitUntilSync, TimeLimit } from "./timers";
export { StopOptions, stopGroup, stopGroupSync, killSession, killLiveGroups, signalProcess } from "./stop";
