/** The machine's processes, read from /proc: what the tests search for anything a run left behind. */
import * as fs from "node:fs";

export interface ProcessInfo {
  pid: number;
  /** The command line, arguments joined by spaces (empty for a zombie). */
  command: string;
  /** The state letter from /proc/PID/stat: R, S, Z, ... */
  state: string;
  /** The working folder, or "" when it cannot be read. */
  cwd: string;
}

/** Every process but this one (processes that end while being read are skipped). */
export function allProcesses(): ProcessInfo[] {
  return fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid).flatMap((entry) => {
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      let cwd = "";
      try {
        cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      } catch {
        // Another user's process, or a zombie.
      }
      return [{ pid: Number(entry), command, state: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0], cwd }];
    } catch {
      return [];
    }
  });
}

/** Running processes whose command line contains `needle`. */
export function processesMentioning(needle: string): ProcessInfo[] {
  return allProcesses().filter((p) => p.command.includes(needle));
}
