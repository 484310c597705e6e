/**
 * The machine's processes as Linux shows them in /proc: the one place in the lab that reads it.
 * Listing is synchronous on purpose: it also runs in signal and exit handlers. Elsewhere than
 * Linux, `listProcesses` falls back to `ps` (pid, parent, group and state only).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

/** One process, from /proc/PID/stat. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  /** Process group id. */
  pgid: number;
  /** Session id; -1 when unknown (from `ps`). */
  sid: number;
  /** The state letter: R, S, D, Z (zombie), T, ... */
  state: string;
}

/** The fields of /proc/PID/stat after the command name, which is in parentheses and may hold spaces and parentheses. */
function statFields(pid: number | string): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** One process's stat line as a ProcInfo; throws when the process is gone (or /proc is absent). */
function readStat(pid: number | string): ProcInfo {
  // state ppid pgrp session ...
  const [state, ppid, pgid, sid] = statFields(pid);
  return { pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), sid: Number(sid), state };
}

/** Pids listed in /proc, or null without /proc. */
function procPids(): string[] | null {
  try {
    return fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
}

function fromProc(): ProcInfo[] | null {
  const pids = procPids();
  if (pids === null) return null;
  return pids.flatMap((pid) => {
    try {
      return [readStat(pid)];
    } catch {
      // The process ended while we looked.
      return [];
    }
  });
}

function fromPs(): ProcInfo[] {
  const r = spawnSync("ps", ["-A", "-o", "pid=", "-o", "ppid=", "-o", "pgid=", "-o", "stat="], { encoding: "utf8", timeout: 5000 });
  if (r.status !== 0 || typeof r.stdout !== "string") return [];
  return r.stdout.trim().split("\n").flatMap((line) => {
    const [pidText, ppidText, pgidText, stat = "?"] = line.trim().split(/\s+/);
    const [pid, ppid, pgid] = [pidText, ppidText, pgidText].map(Number);
    return Number.isInteger(pid) && Number.isInteger(ppid) && Number.isInteger(pgid) ? [{ pid, ppid, pgid, sid: -1, state: stat[0] }] : [];
  });
}

/** Every process on the machine (from /proc on Linux, from ps elsewhere). */
export function listProcesses(): ProcInfo[] {
  return fromProc() ?? fromPs();
}

/** The process `pid` now, or null when it is gone (a zombie is still there, with state "Z"). */
export function processInfo(pid: number): ProcInfo | null {
  try {
    return readStat(pid);
  } catch {
    return null;
  }
}

/** The process group of `pid`, or null when it is gone. */
export function processGroup(pid: number): number | null {
  return processInfo(pid)?.pgid ?? null;
}

/** The live children of `pid` (zombies included: they are still its children). */
export function childrenOf(pid: number, procs: readonly ProcInfo[] = listProcesses()): ProcInfo[] {
  return procs.filter((p) => p.ppid === pid);
}

/** The processes below `root` (children, grandchildren, ...), not `root` itself. */
export function descendantsOf(root: number, procs: readonly ProcInfo[] = listProcesses()): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const out: ProcInfo[] = [];
  const stack = [root];
  const seen = new Set<number>([root]);
  while (stack.length > 0) {
    for (const child of children.get(stack.pop() as number) ?? []) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      out.push(child);
      stack.push(child.pid);
    }
  }
  return out;
}

/** Is a process with this pid alive (a zombie counts as gone)? */
export function isAlive(pid: number): boolean {
  try {
    return statFields(pid)[0] !== "Z";
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" || fs.existsSync("/proc/self")) return false;
    // No /proc at all (not Linux): ask the kernel.
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** Does `pid` still exist, zombies included (killed but not yet reaped by its parent)? */
export function pidExists(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

/** Which of `pids` still exist, zombies included. */
export function stillThere(pids: readonly number[]): number[] {
  return pids.filter(pidExists);
}

/** The command line of `pid`, arguments joined by spaces; "" for a zombie, a kernel thread or a process that is gone. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

/** The working folder of `pid`; "" when it cannot be read (another user's process, a zombie). */
export function cwdOf(pid: number): string {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return "";
  }
}

/** Resident memory of `pid` in KiB (VmRSS), or null when unknown (gone, a kernel thread). */
export function residentKiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The value of environment variable `name` in the environment `pid` started with, or null when it
 * is not set or cannot be read (another user's process, a zombie, gone).
 */
export function environmentVariable(pid: number, name: string): string | null {
  let environ: string;
  try {
    environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
  } catch {
    return null;
  }
  const prefix = `${name}=`;
  const entry = environ.split("\0").find((e) => e.startsWith(prefix));
  return entry === undefined ? null : entry.slice(prefix.length);
}

/**
 * The CPUs a process may run on ("Cpus_allowed_list: 0-1,4" in /proc/PID/status), in order; null
 * where that cannot be read (no /proc, the process gone). The kernel's mask, which may name CPUs
 * that are not online: see onlineCpus.
 */
export function allowedCpus(pid: number | "self" = "self"): number[] | null {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
  return list ? parseCpuList(list) : null;
}

/** The CPUs online (/sys/devices/system/cpu/online, "0-1"), or null where that cannot be read. */
export function onlineCpus(): number[] | null {
  try {
    return parseCpuList(fs.readFileSync("/sys/devices/system/cpu/online", "utf8").trim());
  } catch {
    return null;
  }
}

/** "0-2,5" → [0, 1, 2, 5] (the kernel's cpu list format); null when it is not one. */
export function parseCpuList(list: string): number[] | null {
  const cpus: number[] = [];
  for (const part of list.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return null;
    for (let c = from; c <= to; c++) cpus.push(c);
  }
  return cpus;
}

/** A process with what the lab's tests and benchmarks look at besides its stat line. */
export interface ProcDetails extends ProcInfo {
  /** The command line, arguments joined by spaces ("" for a zombie). */
  command: string;
  /** The working folder, or "" when it cannot be read. */
  cwd: string;
  /** Resident memory in KiB, or null when unknown. */
  rssKiB: number | null;
}

/** `p` with its command line, working folder and resident memory, read now. */
export function withDetails(p: ProcInfo): ProcDetails {
  return { ...p, command: commandLine(p.pid), cwd: cwdOf(p.pid), rssKiB: residentKiB(p.pid) };
}
