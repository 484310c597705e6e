/** Runs the built golab command the way a user does, and looks for anything it left behind. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { processes } from "./processes";

export const CLI = path.resolve(__dirname, "..", "..", "kernel-helpers", "cli", "main.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function golab(args: string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs golab with a temporary folder of its own (TMPDIR), and says what it left there: other
 * processes on the machine (benchmarks, other tests) make folders of their own in /tmp.
 */
export function golabInPrivateTmp(args: string[], env: NodeJS.ProcessEnv = process.env): CliRun & { leftBehind: string[] } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "golab-clitmp-"));
  try {
    const run = golab(args, { ...env, TMPDIR: tmp });
    return { ...run, leftBehind: fs.readdirSync(tmp) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** This test's processes whose command line mentions the probe binary or a go build of it. */
export function probeProcesses(): string[] {
  return processes().filter((p) => /golab\/probes\/|golab-build-/.test(p.command)).map((p) => `${p.pid}: ${p.command}`);
}
