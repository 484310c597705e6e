/** Live processes whose command line mentions a path: how the tests look for leftover dlv and probes. */
import * as fs from "node:fs";

export interface ProcessInfo {
  pid: number;
  state: string;
  command: string;
}

/** Running processes whose command line contains `needle` (a zombie's command line is empty). */
export function processesMentioning(needle: string): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
      if (command.includes(needle)) {
        found.push({ pid: Number(entry), state, command });
      }
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Which of `pids` still exist in /proc, zombies included (a zombie is a leftover too). */
export function stillThere(pids: readonly number[]): number[] {
  return pids.filter((pid) => fs.existsSync(`/proc/${pid}`));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds, at most `ms`; returns whether it did. */
export async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await delay(25);
  }
  return check();
}
