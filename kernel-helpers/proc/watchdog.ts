/**
 * The watchdog: a small Node process (watchdog-main.ts) that cleans up after golab when golab
 * cannot, because it was killed with SIGKILL (or crashed in native code) and ran no exit handler.
 * golab tells it, one JSON line at a time over its stdin, which process groups and temporary
 * folders are live; when that pipe closes, golab is gone, however it went, and the watchdog kills
 * the groups still listed and removes the folders. The idea is the Jupyter server's own watchdog
 * (jupyter/launch.ts), which runs inside the server; the children here are Go programs, which
 * cannot be asked to watch a pipe, so the watchdog is a process of its own, started with the
 * first child and shared by all of them.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";

/** One change to what the watchdog must clean up. */
export type WatchdogMessage = { op: "add" | "remove"; group: number } | { op: "add" | "remove"; folder: string };

/** The script the watchdog runs (compiled beside this file). */
export const WATCHDOG_SCRIPT = path.join(__dirname, "watchdog-main.js");

let watchdog: ChildProcess | null | undefined;

function start(): ChildProcess | null {
  try {
    // Its own session: a Ctrl-C or hang-up meant for golab's terminal does not reach it, so it is
    // there when golab is gone. Its cwd is "/", so it never holds a folder that is being removed.
    const child = spawn(process.execPath, [WATCHDOG_SCRIPT], { cwd: "/", detached: true, stdio: ["pipe", "ignore", "ignore"] });
    child.on("error", () => {
      watchdog = null;
    });
    child.stdin?.on("error", () => {
      watchdog = null;
    });
    // Neither the watchdog nor its pipe may keep golab running.
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    return child;
  } catch {
    // No watchdog (a spawn failure): exit handlers and signal handlers still clean up.
    return null;
  }
}

/** Tells the watchdog of a change, starting it first if needed. Never throws. */
export function tellWatchdog(message: WatchdogMessage): void {
  if (watchdog === undefined) {
    if (message.op === "remove") return;
    watchdog = start();
  }
  if (watchdog?.stdin?.writable) watchdog.stdin.write(`${JSON.stringify(message)}\n`);
}

/** The watchdog's pid, when one runs (tests). */
export function watchdogPid(): number | undefined {
  return watchdog?.pid;
}
