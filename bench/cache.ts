/**
 * The result cache as a user meets it, timed from the shell (start-up included): `golab measure`
 * of 20 cases the first time (the probe built, every case run) and again (read from the cache);
 * a chapter run with `golab run`, then rerun with one parameter changed, then rerun unchanged.
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
  /** golab measure of 20 cases never measured before: with Go's build cache empty, and warm. */
  measureColdGo: number;
  measureWarmGo: number;
  measureRepeat: number;
  chapter: string;
  changed: string;
  runFirst: number;
  runRerun: number;
  runSame: number;
}

/** A private, empty folder for a cache; removed by the caller. */
const emptyDir = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `golab-bench-${what}-`));

/**
 * Everything from empty caches of its own: golab's (probes and results) and Go's build cache (so
 * the first run compiles what a new user's first run compiles); removed afterwards.
 */
export async function benchCache({ chapter = "ch1", changed = "hint=1001" }: { chapter?: string; changed?: string } = {}): Promise<CacheFigures> {
  const golabCache = emptyDir("golab-cache");
  const goCache = emptyDir("go-cache");
  const env: NodeJS.ProcessEnv = { ...process.env, GOLAB_CACHE: golabCache, GOCACHE: goCache };
  delete env.GOLAB_RESULTS_CACHE;
  try {
    // Cases no other benchmark measures (makeslice of odd sizes), so the first time is a first time.
    const cases = (shift: number) => validationMatrix().flatMap((c) => (c.op === "makeslice" && c.cap === undefined ? [JSON.stringify({ ...c, len: c.len + shift })] : [])).slice(0, 20);
    const measureColdGo = timed(["measure", ...cases(7), "--quiet"], env);
    const measureWarmGo = timed(["measure", ...cases(11), "--quiet"], env);
    const measureRepeat = timed(["measure", ...cases(11), "--quiet"], env);
    const nb = path.join(NOTEBOOKS, `${chapter}.ipynb`);
    const runFirst = timed(["run", nb, "--quiet"], env);
    const runRerun = timed(["run", nb, "--set", changed, "--quiet"], env);
    const runSame = timed(["run", nb, "--set", changed, "--quiet"], env);
    return { cases: 20, measureColdGo, measureWarmGo, measureRepeat, chapter, changed, runFirst, runRerun, runSame };
  } finally {
    fs.rmSync(golabCache, { recursive: true, force: true });
    fs.rmSync(goCache, { recursive: true, force: true });
  }
}

export function cacheTable(f: CacheFigures): string {
  const row = (what: string, first: number, again: number, target: string) =>
    `| ${what} | ${first.toFixed(2)} s | ${again.toFixed(2)} s | **${(first / again).toFixed(1)}×** | ${target} |`;
  return [
    "the result cache, timed from the shell (start-up included), from empty caches (golab's and Go's build cache)",
    "",
    "| what | first | again | first / again | target |",
    "|---|---|---|---|---|",
    row(`golab measure, ${f.cases} new cases (Go's build cache empty), then the same 20`, f.measureColdGo, f.measureRepeat, "≥ 5×"),
    row(`golab measure, ${f.cases} new cases (Go's build cache warm), then the same 20`, f.measureWarmGo, f.measureRepeat, "≥ 5×"),
    row(`golab run ${f.chapter} (every installed Go), then with --set ${f.changed}`, f.runFirst, f.runRerun, `≥ 5×; rerun < 10 s`),
    row(`golab run ${f.chapter} with --set ${f.changed} again (nothing new)`, f.runFirst, f.runSame, "—"),
  ].join("\n");
}

if (require.main === module) {
  benchCache().then((f) => process.stdout.write(`${cacheTable(f)}\n`), (e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
