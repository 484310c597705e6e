/**
 * The result cache as a user meets it, timed from the shell (start-up included): `golab measure`
 * of 20 cases the first time (cold: the probe is built, every case run) and again (read from the
 * cache); and a chapter run with `golab run`, then rerun with one parameter changed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validationMatrix } from "../kernel-helpers/record";

const CLI = path.resolve(__dirname, "..", "kernel-helpers", "cli", "main.js");
const NOTEBOOKS = path.resolve(__dirname, "..", "..", "notebooks");

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: 900_000 });
  if (r.status !== 0) throw new Error(`golab ${args.join(" ")} failed: ${r.stderr.slice(-2000)}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export interface CacheFigures {
  cases: number;
  measureFirst: number;
  measureRepeat: number;
  chapter: string;
  changed: string;
  runFirst: number;
  runRerun: number;
}

/** Everything in a private, empty GOLAB_CACHE (probes and results), removed afterwards. */
export async function benchCache({ chapter = "ch1", changed = "hint=1001" }: { chapter?: string; changed?: string } = {}): Promise<CacheFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-cache-"));
  const env: NodeJS.ProcessEnv = { ...process.env, GOLAB_CACHE: root };
  delete env.GOLAB_RESULTS_CACHE;
  try {
    // 20 cases that no other benchmark measures with this probe (makeslice of odd sizes).
    const cases = validationMatrix().flatMap((c) => (c.op === "makeslice" && c.cap === undefined ? [JSON.stringify({ ...c, len: c.len + 7 })] : [])).slice(0, 20);
    const measureFirst = timed(["measure", ...cases, "--quiet"], env);
    const measureRepeat = timed(["measure", ...cases, "--quiet"], env);
    const nb = path.join(NOTEBOOKS, `${chapter}.ipynb`);
    const runFirst = timed(["run", nb, "--quiet"], env);
    const runRerun = timed(["run", nb, "--set", changed, "--quiet"], env);
    return { cases: cases.length, measureFirst, measureRepeat, chapter, changed, runFirst, runRerun };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function cacheTable(f: CacheFigures): string {
  const row = (what: string, first: number, again: number, target: string) =>
    `| ${what} | ${first.toFixed(2)} s | ${again.toFixed(2)} s | **${(first / again).toFixed(1)}×** | ${target} |`;
  return [
    "the result cache, timed from the shell (start-up included), from an empty cache",
    "",
    "| what | first | again | first / again | target |",
    "|---|---|---|---|---|",
    row(`golab measure, ${f.cases} cases, Go on PATH`, f.measureFirst, f.measureRepeat, "≥ 5×"),
    row(`golab run ${f.chapter} (every installed Go), then again with --set ${f.changed}`, f.runFirst, f.runRerun, "≥ 5×, rerun < 10 s"),
  ].join("\n");
}

/** The cases' descriptions, for the report. */
if (require.main === module) {
  benchCache().then((f) => process.stdout.write(`${cacheTable(f)}\n`), (e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
