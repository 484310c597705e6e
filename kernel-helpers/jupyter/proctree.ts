/**
 * The processes below a jupyter server. Jupyter starts every kernel in a session (and process
 * group) of its own, so killing the server's group does not reach the kernels, nor what the
 * kernels started: golab finds them by parent pid, synchronously (it also runs in signal and exit
 * handlers).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
}

function fromProc(): ProcInfo[] | null {
  let names: string[];
  try {
    names = fs.readdirSync("/proc");
  } catch {
    return null;
  }
  const out: ProcInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.push({ pid: Number(name), ppid: Number(fields[1]), pgid: Number(fields[2]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function fromPs(): ProcInfo[] {
  const r = spawnSync("ps", ["-A", "-o", "pid=", "-o", "ppid=", "-o", "pgid="], { encoding: "utf8", timeout: 5000 });
  if (r.status !== 0 || typeof r.stdout !== "string") return [];
  return r.stdout.trim().split("\n").flatMap((line) => {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    return Number.isInteger(pid) && Number.isInteger(ppid) && Number.isInteger(pgid) ? [{ pid, ppid, pgid }] : [];
  });
}

/** Every process on the machine (from /proc on Linux, from ps elsewhere). */
export function listProcesses(): ProcInfo[] {
  return fromProc() ?? fromPs();
}

/** The processes below `root` (children, grandchildren, ...), not `root` itself. */
export function descendantsOf(root: number, procs: ProcInfo[] = listProcesses()): ProcInfo[] {
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
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" || fs.existsSync("/proc/self")) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
