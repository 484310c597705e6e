/**
 * runProcess: spawn with an argument array (never a shell), in a process group of its own, with
 * a time limit. On timeout the whole group is killed, so a probe's or dlv's children go too.
 */
import { spawn } from "node:child_process";
import { ProcessError, TimeoutError } from "../errors";
import { killGroup, releaseGroup, trackGroup } from "./cleanup";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the group is killed and a TimeoutError is thrown. Default 10 minutes. */
  timeoutMs?: number;
  /** Reject on a non-zero exit. Default true. */
  check?: boolean;
  /** Called with each chunk of stderr as it arrives (progress of long builds). */
  onStderr?: (chunk: string) => void;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/**
 * The line that says why a program failed: a Go program's `fatal error:` or `panic:` line (the
 * runtime prints its goroutine stacks after it, so the last line is a stack frame), else the
 * last line.
 */
export function crashLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  return lines.find((l) => CRASH_LINE.test(l)) ?? lines[lines.length - 1] ?? "";
}

/** A Go runtime's line saying why the program died. */
export const CRASH_LINE = /^(fatal error|panic): /;

/** Go's line for running out of memory (the memory limit or the address-space cap), at a line's start. */
export const OUT_OF_MEMORY = /^fatal error: (runtime: )?out of memory/m;

/** Runs a command to completion and collects its output. */
export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 600_000, check = true, onStderr } = options;
  const started = Date.now();
  const label = [command, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    if (child.pid !== undefined) trackGroup(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => {
      err.push(b);
      onStderr?.(b.toString());
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      if (child.pid !== undefined) releaseGroup(child.pid);
      reject(e);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) {
        // The leader is gone; anything it left in its group goes with it.
        killGroup(child.pid);
        releaseGroup(child.pid);
      }
      const result = {
        exitCode, signal, elapsedMs: Date.now() - started,
        stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(),
      };
      if (timedOut) {
        reject(new TimeoutError(`${command} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed`, label, timeoutMs));
      } else if (check && exitCode !== 0) {
        const last = crashLine(result.stderr);
        const how = signal ? `was killed by ${signal}` : `exited with status ${exitCode}`;
        reject(new ProcessError(`${command} ${how}${last ? `: ${last}` : ""}`, { command: label, exitCode, signal, stderr: result.stderr }));
      } else {
        resolve(result);
      }
    });
  });
}
