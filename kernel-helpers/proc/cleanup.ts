/**
 * One registry of what must not outlive the lab: process groups of running children and
 * temporary folders. They are cleaned up when the process exits; a command-line program also
 * calls exitOnSignals so that SIGINT/SIGTERM clean up and exit with 128 + the signal number. A
 * notebook kernel does not: Jupyter's interrupt is a SIGINT the kernel must survive. What is
 * tracked is also told to the watchdog (watchdog.ts), which cleans up if the lab is killed
 * outright (SIGKILL) and none of this runs.
 */
import * as fs from "node:fs";
import { cliMessages } from "../messages";
import { listProcesses } from "./procfs";
import { waitUntilSync } from "./timers";
import { tellWatchdog } from "./watchdog";

/** How a tracked group or folder is cleaned up. */
export interface TrackOptions {
  /**
   * Also hand it to the watchdog, for when the lab is killed outright. Default true; false for
   * what has a watchdog of its own (the Jupyter server shuts its kernels down first).
   */
  watchdog?: boolean;
}

const groups = new Set<number>();
const folders = new Set<string>();
let installed = false;

/** Kills a child's whole process group (it was started detached, so its pid is the group id). */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone: nothing to do.
  }
}

/** Tracks a running child's process group until it is released. */
export function trackGroup(pid: number, { watchdog = true }: TrackOptions = {}): void {
  groups.add(pid);
  installHandlers();
  if (watchdog) tellWatchdog({ op: "add", group: pid });
}

export function releaseGroup(pid: number): void {
  if (groups.delete(pid)) tellWatchdog({ op: "remove", group: pid });
}

/** Tracks a temporary folder until it is released. */
export function trackFolder(path: string, { watchdog = true }: TrackOptions = {}): void {
  folders.add(path);
  installHandlers();
  if (watchdog) tellWatchdog({ op: "add", folder: path });
}

export function releaseFolder(path: string): void {
  if (folders.delete(path)) tellWatchdog({ op: "remove", folder: path });
}

/** Kills every tracked group and removes every tracked folder, synchronously. */
export function cleanupAll(): void {
  for (const pid of groups) killGroup(pid);
  groups.clear();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** What is tracked now: tests use it to prove a run left nothing behind. */
export function tracked(): { groups: number[]; folders: string[] } {
  return { groups: [...groups], folders: [...folders] };
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupAll);
}

let signalsInstalled = false;

/** For command-line programs: on SIGINT, SIGTERM or SIGHUP, clean up and exit. */
export function exitOnSignals(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.on(signal, () => {
      const killed = new Set(groups);
      cleanupAll();
      // SIGKILL takes effect when each process next runs; on a busy machine dlv and its program
      // were still seen running after the lab had exited. Wait (briefly) until they are dead.
      waitUntilSync(() => !listProcesses().some((p) => killed.has(p.pgid) && p.state !== "Z"), 2_000, 10);
      process.stderr.write(`golab: ${cliMessages.interrupted(signal)}\n`);
      process.exit(code);
    });
  }
}
