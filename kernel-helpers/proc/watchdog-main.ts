/**
 * The watchdog process (started by watchdog.ts). It reads what golab says is live, one JSON line
 * at a time on stdin; when stdin ends, golab has exited: it SIGKILLs every group still listed,
 * waits (at most 2 s) until their processes are gone, removes every folder still listed, and exits.
 * After a clean exit golab has removed everything itself and both lists are empty.
 */
import * as fs from "node:fs";
import { killLiveGroups } from "./stop";
import { listProcesses } from "./procfs";
import { waitUntilSync } from "./timers";
import type { WatchdogMessage } from "./watchdog";

const groups = new Set<number>();
const folders = new Set<string>();

/** Applies one line from golab; anything else than a well-formed message is ignored. */
function apply(line: string): void {
  let m: WatchdogMessage;
  try {
    m = JSON.parse(line) as WatchdogMessage;
  } catch {
    return;
  }
  const add = m.op === "add";
  if ("group" in m && Number.isInteger(m.group) && m.group > 1) {
    if (add) groups.add(m.group);
    else groups.delete(m.group);
  } else if ("folder" in m && typeof m.folder === "string" && m.folder !== "") {
    if (add) folders.add(m.folder);
    else folders.delete(m.folder);
  }
}

function cleanUp(): void {
  if (groups.size > 0) {
    killLiveGroups(groups);
    // A process that is still running could write into a folder after it was removed.
    waitUntilSync(() => !listProcesses().some((p) => groups.has(p.pgid) && p.state !== "Z"), 2000, 50);
  }
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

let partial = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  const lines = (partial + chunk).split("\n");
  partial = lines.pop() ?? "";
  lines.forEach(apply);
});
process.stdin.on("end", cleanUp);
process.stdin.on("error", cleanUp);
// Signals sent to golab's terminal do not reach this session; a SIGTERM aimed at it is obeyed
// after cleaning up.
process.on("SIGTERM", cleanUp);
