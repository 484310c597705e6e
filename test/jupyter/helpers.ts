/** Helpers for the Jupyter tests: fixtures, the CLI, and what a run may leave behind. */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TEMP_PREFIX, waitUntil } from "../../kernel-helpers/proc";
import { processes } from "../helpers/processes";

/** Source folder of the fixture notebooks (tests run from dist/, fixtures live beside the sources). */
export const FIXTURES = path.resolve(__dirname, "..", "..", "..", "test", "jupyter", "fixtures");
export const REPO = path.resolve(__dirname, "..", "..", "..");
export const CLI = path.join(REPO, "dist", "kernel-helpers", "cli", "main.js");

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/**
 * A temporary folder of the test's own, used as TMPDIR by what the test starts, so that the
 * Jupyter runtime folders and processes it looks for are its own: other golab runs on the same
 * machine (a developer's JupyterLab, another checkout's tests) are not counted.
 */
export function privateTmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "golab-jtest-"));
}

/** golab's Jupyter runtime folders in `tmp` now. */
export function jupyterTempDirs(tmp: string): string[] {
  return fs.readdirSync(tmp).filter((n) => n.startsWith(`${TEMP_PREFIX}jupyter-`));
}

/** This test's processes whose command line names a golab Jupyter runtime folder in `tmp`: servers and their kernels. */
export function jupyterProcesses(tmp: string): string[] {
  const mark = path.join(tmp, `${TEMP_PREFIX}jupyter-`);
  return processes().filter((p) => p.command.includes(mark)).map((p) => `${p.pid}: ${p.command.slice(0, 200)}`);
}

/** Waits until `check` returns nothing (processes take a moment to be reaped). */
export async function eventuallyEmpty(check: () => string[], ms = 5000): Promise<string[]> {
  let left: string[] = [];
  await waitUntil(() => (left = check()).length === 0, ms, 100);
  return left;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built golab command to completion. */
export function golab(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: timeoutMs });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built golab command; resolves once `ready` matches its stdout or stderr. */
export function golabUntil(args: string[], ready: RegExp, { timeoutMs = 120_000, env = process.env }: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], env });
  let stdout = "";
  let stderr = "";
  const closed = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal })));
  const matched = new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`golab ${args.join(" ")}: no ${ready} within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`)), timeoutMs);
    const look = () => {
      const m = ready.exec(stdout) ?? ready.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; look(); });
    child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; look(); });
    void closed.then(() => {
      clearTimeout(timer);
      reject(new Error(`golab ${args.join(" ")} ended before ${ready}\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
  return { child, matched, closed, output: () => ({ stdout, stderr }) };
}

/** Whether the machine has the Chromium that setup.sh --chromium (npm test) installs (else a test skips, saying so). */
export function findChromium(): string | null {
  for (const c of [process.env.GOLAB_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (c && fs.existsSync(c)) return c;
  }
  return null;
}
