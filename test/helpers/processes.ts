/**
 * The processes a test started, read through kernel-helpers/proc: what the tests search for
 * anything a run left behind. Importing this module marks the test's process: it sets
 * GOLAB_TEST_MARKER to a value of its own, which every process it starts inherits (orphans
 * included, which a walk down from the test's pid would miss), so that a scan counts this test's
 * processes and not those of another test, checkout or reader running on the same machine.
 */
import { randomBytes } from "node:crypto";
import { descendantsOf, environmentVariable, listProcesses, ProcInfo, withDetails } from "../../kernel-helpers/proc";

export interface ProcessInfo {
  pid: number;
  /** The command line, arguments joined by spaces (empty for a zombie). */
  command: string;
  /** The state letter from /proc/PID/stat: R, S, Z, ... */
  state: string;
  /** The working folder, or "" when it cannot be read. */
  cwd: string;
}

/** The environment variable that marks a test's processes. */
export const MARKER_VARIABLE = "GOLAB_TEST_MARKER";

/**
 * This test process's marker, set in its environment when this module is first imported, before
 * the test starts anything. A marker inherited from a parent is replaced: the test counts its own.
 */
export const TEST_MARKER = `${process.pid}-${randomBytes(6).toString("hex")}`;
process.env[MARKER_VARIABLE] = TEST_MARKER;

/** Which processes a scan looks at; every field given must hold. */
export interface Scope {
  /** Processes whose environment has GOLAB_TEST_MARKER set to this (default: this test's marker). */
  marker?: string;
  /** Processes below this pid (children, grandchildren, ...). */
  under?: number;
  /** Processes of this process group. */
  group?: number;
}

function inScope(p: ProcInfo, { marker, under, group }: Scope, below: Set<number> | null): boolean {
  if (group !== undefined && p.pgid !== group) return false;
  if (below !== null && !below.has(p.pid)) return false;
  return marker === undefined || environmentVariable(p.pid, MARKER_VARIABLE) === marker;
}

/**
 * The processes in `scope` other than this one (processes that end while being read are
 * skipped). The default scope is this test's marker: what the test started, and what those
 * started in turn.
 */
export function processes(scope: Scope = { marker: TEST_MARKER }): ProcessInfo[] {
  const procs = listProcesses().filter((p) => p.pid !== process.pid);
  const below = scope.under === undefined ? null : new Set(descendantsOf(scope.under, procs).map((p) => p.pid));
  return procs.filter((p) => inScope(p, scope, below)).map((p) => {
    const { pid, command, state, cwd } = withDetails(p);
    return { pid, command, state, cwd };
  });
}

/** Running processes in `scope` (default: this test's) whose command line contains `needle`. */
export function processesMentioning(needle: string, scope?: Scope): ProcessInfo[] {
  return processes(scope).filter((p) => p.command.includes(needle));
}
