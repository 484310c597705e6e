/**
 * One CPU for a debugger and the program it debugs. Delve and its program hand the CPU to each
 * other at every breakpoint stop (ptrace: the program traps, Delve wakes, reads, resumes it). On
 * two CPUs the kernel runs them apart, and each hand-over then wakes the other CPU, which costs
 * more than the work itself on this project's virtual machines. On one CPU, count mode with
 * breakpoints ran 4 to 8 times as fast and detail mode about 2 times (bench/RESULTS.md, the
 * "unpinned" rows; the unpinned figures move with where the scheduler puts dlv).
 *
 * Pinning uses util-linux's `taskset`, which sets the affinity and execs the command (same pid;
 * children inherit it). Where it is missing, or the lab may use only one CPU, nothing is pinned.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { allowedCpus, onlineCpus } from "./procfs";

let taskset: string | null | undefined;

/** `taskset` on PATH, found once; null when absent. */
function tasksetPath(): string | null {
  if (taskset === undefined) {
    taskset = null;
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
      const candidate = path.join(dir || ".", "taskset");
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        taskset = candidate;
        break;
      } catch {
        // not here
      }
    }
  }
  return taskset;
}

let sessions = 0;

/**
 * The CPUs the lab may use and that are online: the kernel's allowed mask can name CPUs a VM or
 * container does not have, and taskset refuses those. Null when unknown.
 */
export function usableCpus(): number[] | null {
  const allowed = allowedCpus();
  const online = onlineCpus();
  return allowed && online ? allowed.filter((c) => online.includes(c)) : allowed;
}

/** The CPUs a session can be pinned to: two or more, and taskset; else null. */
function pinnableCpus(): number[] | null {
  const cpus = usableCpus();
  return cpus !== null && cpus.length >= 2 && tasksetPath() !== null ? cpus : null;
}

/** True when sessions can be pinned: two CPUs or more to choose from, and taskset. */
export function canPin(): boolean {
  return pinnableCpus() !== null;
}

/**
 * The CPU for the next pinned session, or null when pinning is not possible. Sessions take the
 * allowed CPUs in turn, starting from one that depends on the pid, so that two lab processes
 * tracing at once (parallel test files) tend to use different CPUs.
 */
export function nextPinnedCpu(): number | null {
  const cpus = pinnableCpus();
  return cpus === null ? null : cpus[(process.pid + sessions++) % cpus.length];
}

/** `command args` run on `cpu` only (and the processes it starts); unchanged when `cpu` is null. */
export function onCpu(cpu: number | null, command: string, args: readonly string[]): { command: string; args: string[] } {
  if (cpu === null) return { command, args: [...args] };
  const ts = tasksetPath();
  if (ts === null) return { command, args: [...args] };
  return { command: ts, args: ["-c", String(cpu), command, ...args] };
}
