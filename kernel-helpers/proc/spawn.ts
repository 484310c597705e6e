/**
 * spawnTracked: a long-running child (a debugger server) that the caller talks to while it runs,
 * where runProcess waits for the exit. Argument arrays only, its own process group, tracked in
 * the clean-up registry from the moment it exists, so that it dies with the lab whatever happens.
 */
import { spawn } from "node:child_process";
import { killGroup, releaseGroup, trackGroup } from "./cleanup";

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Keep at most this many characters of each output stream. Default 64 KiB. */
  keepChars?: number;
  /** The command line for messages, when the one run only wraps it (taskset). Default: command and args. */
  label?: string;
}

/** How a tracked child ended. */
export interface ChildExit {
  exitCode: number | null;
  signal: string | null;
}

/** A running child in its own process group. */
export interface TrackedChild {
  readonly pid: number;
  /** The command line, for messages. */
  readonly label: string;
  /** Resolves when the child has exited and its streams are closed; never rejects. */
  readonly exited: Promise<ChildExit>;
  /** True once `exited` has resolved. */
  hasExited(): boolean;
  /** Calls `listener` with each complete line of stdout (and the lines already seen). */
  onStdoutLine(listener: (line: string) => void): void;
  /** The last characters of stdout and stderr seen so far. */
  output(): { stdout: string; stderr: string };
  /** Kills the child's whole process group with SIGKILL (idempotent). */
  kill(): void;
}

/**
 * Starts `command` with `args` in a new process group. Rejects when the command cannot be started
 * (ENOENT and the like); otherwise the caller owns the child and must kill it or let it exit.
 */
export function spawnTracked(command: string, args: readonly string[], { cwd, env = process.env, keepChars = 65_536, label: givenLabel }: SpawnOptions = {}): Promise<TrackedChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const label = givenLabel ?? [command, ...args].join(" ");
    // Tracked at once (the pid exists as soon as spawn returns), before any event can run.
    if (child.pid !== undefined) trackGroup(child.pid);
    let stdout = "";
    let stderr = "";
    let partial = "";
    const lines: string[] = [];
    const listeners: ((line: string) => void)[] = [];
    let done = false;
    let started = false;
    const keep = (s: string) => (s.length > keepChars ? s.slice(s.length - keepChars) : s);
    child.stdout.on("data", (b: Buffer) => {
      const text = b.toString();
      stdout = keep(stdout + text);
      partial += text;
      let i: number;
      while ((i = partial.indexOf("\n")) >= 0) {
        const line = partial.slice(0, i);
        partial = partial.slice(i + 1);
        if (lines.length < 1000) lines.push(line);
        for (const l of listeners) l(line);
      }
    });
    child.stderr.on("data", (b: Buffer) => {
      stderr = keep(stderr + b.toString());
    });
    const exited = new Promise<ChildExit>((resolveExit) => {
      child.on("close", (exitCode, signal) => {
        done = true;
        if (child.pid !== undefined) {
          // The leader is gone; anything it left in its group goes with it.
          killGroup(child.pid);
          releaseGroup(child.pid);
        }
        resolveExit({ exitCode, signal });
      });
    });
    child.on("error", (e) => {
      if (child.pid !== undefined) releaseGroup(child.pid);
      if (!started) reject(e);
    });
    child.on("spawn", () => {
      started = true;
      const pid = child.pid!;
      resolve({
        pid,
        label,
        exited,
        hasExited: () => done,
        onStdoutLine(listener) {
          listeners.push(listener);
          for (const l of lines) listener(l);
        },
        output: () => ({ stdout, stderr }),
        kill() {
          killGroup(pid);
        },
      });
    });
  });
}
