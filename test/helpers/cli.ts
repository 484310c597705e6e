/** Runs the built golab command the way a user does, and looks for anything it left behind. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TEMP_PREFIX } from "../../kernel-helpers/proc";
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

/** The lab's temporary folders that exist now. */
export function labTempDirs(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX));
}

/** This test's processes whose command line mentions the probe binary or a go build of it. */
export function probeProcesses(): string[] {
  return processes().filter((p) => /golab\/probes\/|golab-build-/.test(p.command)).map((p) => `${p.pid}: ${p.command}`);
}
