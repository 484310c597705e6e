/**
 * Ending process groups: politely first (SIGTERM, or the caller's own request such as a debugger's
 * detach), then SIGKILL for whatever is left; and a whole session at once, for the moment before
 * the lab knows which groups a child made.
 */
import { killGroup } from "./cleanup";
import { isAlive, listProcesses } from "./procfs";
import { waitAtMost, waitUntil, waitUntilSync } from "./timers";

export interface StopOptions {
  /** Milliseconds the polite request has before the kill. Default 5 s. */
  graceMs?: number;
  /**
   * The polite request; the kill waits (at most `graceMs`) for the promise it returns. Default:
   * SIGTERM to the group's leader, then wait until the leader has gone.
   */
  ask?: () => Promise<unknown> | void;
  /** More groups to kill with this one (a server's kernels, a debugger's program). */
  also?: Iterable<number>;
}

/** Sends `signal` to one process; false when it is gone (or not ours). */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs each of `groups` that still has a process. */
export function killLiveGroups(groups: Iterable<number>): void {
  const live = new Set(listProcesses().map((p) => p.pgid));
  for (const g of groups) {
    if (live.has(g)) killGroup(g);
  }
}

/**
 * Stops process group `pgid` (its leader's pid): if the leader is alive, asks politely and waits
 * at most `graceMs`; then SIGKILLs the group and the `also` groups that are left. Never throws.
 */
export async function stopGroup(pgid: number, { graceMs = 5000, ask, also = [] }: StopOptions = {}): Promise<void> {
  if (isAlive(pgid)) {
    const polite = ask ?? (() => {
      signalProcess(pgid, "SIGTERM");
      return waitUntil(() => !isAlive(pgid), graceMs, 20);
    });
    await waitAtMost(Promise.resolve().then(polite).catch(() => undefined), graceMs);
  }
  killLiveGroups([pgid, ...also]);
}

/**
 * The same as stopGroup, synchronously, for signal and exit handlers: SIGTERM to the leader,
 * `graceMs` for it to go, then SIGKILL for the group and the `also` groups.
 */
export function stopGroupSync(pgid: number, { graceMs = 5000, also = [] }: Omit<StopOptions, "ask"> = {}): void {
  if (isAlive(pgid) && signalProcess(pgid, "SIGTERM")) waitUntilSync(() => !isAlive(pgid), graceMs, 50);
  killLiveGroups([pgid, ...also]);
}

/**
 * SIGKILLs every process of session `sid`, synchronously. A child started detached leads its own
 * session, which holds what it starts even in process groups of their own, before the lab knows
 * their pids.
 */
export function killSession(sid: number): void {
  for (const p of listProcesses()) {
    if (p.sid === sid) signalProcess(p.pid, "SIGKILL");
  }
}
