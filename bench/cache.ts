/**
 * The result cache as a user meets it, timed from the shell (start-up included): `golab measure`
 * of 20 cases the first time (the probe built, every case run) and again (read from the cache);
 * a chapter run with `golab run`, then rerun with one parameter changed (three times, each to a
 * value not run before: the median is the figure, as one rerun moves by ±0.3 s here), then rerun
 * unchanged;
 * and the same chapter as a JupyterLab user runs it: "Run All" in an open notebook (its kernel
 * started for it), then "Run All" again in the same kernel with the parameter changed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { median } from "../kernel-helpers/experiments/stats";
import { validationMatrix } from "../kernel-helpers/record";
import { KernelSession, injectParameters, parseSetOptions, readNotebook, runCells, startJupyterServer } from "../kernel-helpers/jupyter";

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
  /** The parameter changed at each rerun (name=value), in order. */
  changes: string[];
  runFirst: number;
  /** The median of the reruns, one per change. */
  runRerun: number;
  runReruns: number[];
  runSame: number;
  /** In one kernel, as in JupyterLab: kernel start plus every cell, then every cell again with `changed`. */
  kernelFirst: number;
  kernelRerun: number;
}

/** A private, empty folder for a cache; removed by the caller. */
const emptyDir = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `golab-bench-${what}-`));

/**
 * Everything from empty caches of its own: golab's (probes and results) and Go's build cache (so
 * the first run compiles what a new user's first run compiles); removed afterwards.
 */
export async function benchCache({ chapter = "ch1", changes = ["hint=1001", "hint=1002", "hint=1003"] }: { chapter?: string; changes?: string[] } = {}): Promise<CacheFigures> {
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
    const runReruns = changes.map((changed) => timed(["run", nb, "--set", changed, "--quiet"], env));
    const runSame = timed(["run", nb, "--set", changes[changes.length - 1], "--quiet"], env);
    // Caches of their own again, so the kernel's first run is a first run too.
    fs.rmSync(golabCache, { recursive: true, force: true });
    fs.rmSync(goCache, { recursive: true, force: true });
    const { kernelFirst, kernelRerun } = await inOneKernel(nb, changes[0], env);
    const runRerun = median(runReruns);
    return { cases: 20, measureColdGo, measureWarmGo, measureRepeat, chapter, changes, runFirst, runRerun, runReruns, runSame, kernelFirst, kernelRerun };
  } finally {
    fs.rmSync(golabCache, { recursive: true, force: true });
    fs.rmSync(goCache, { recursive: true, force: true });
  }
}

/**
 * A notebook run as in JupyterLab, whose server is already up: the kernel starts and every cell
 * runs; then every cell runs again in that kernel with one parameter changed. Seconds for each.
 */
async function inOneKernel(notebook: string, changed: string, env: NodeJS.ProcessEnv): Promise<{ kernelFirst: number; kernelRerun: number }> {
  const dir = path.dirname(notebook);
  const server = await startJupyterServer({ rootDir: dir, env });
  try {
    const source = readNotebook(notebook);
    const allOk = async (run: Promise<{ ok: boolean; failed: { index: number }[] }>) => {
      const r = await run;
      if (!r.ok) throw new Error(`${path.basename(notebook)}: cells ${r.failed.map((c) => c.index).join(", ")} failed in the kernel`);
    };
    const options = { cellTimeoutMs: 300_000, interruptGraceMs: 5000 };
    let started = process.hrtime.bigint();
    const kernel = await KernelSession.start(server, { cwd: dir, label: "bench" });
    try {
      await allOk(runCells(kernel, source, source, options));
      const kernelFirst = Number(process.hrtime.bigint() - started) / 1e9;
      const edited = injectParameters(source, parseSetOptions([changed]), { raw: true });
      started = process.hrtime.bigint();
      await allOk(runCells(kernel, edited, source, options));
      return { kernelFirst, kernelRerun: Number(process.hrtime.bigint() - started) / 1e9 };
    } finally {
      await kernel.shutdown();
    }
  } finally {
    await server.stop();
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
    row(`golab run ${f.chapter} (every installed Go), then with --set ${f.changes.join(", then ")} (the median rerun; each: ${f.runReruns.map((s) => `${s.toFixed(2)} s`).join(", ")})`, f.runFirst, f.runRerun, `≥ 5×; rerun < 10 s`),
    row(`golab run ${f.chapter} with --set ${f.changes[f.changes.length - 1]} again (nothing new)`, f.runFirst, f.runSame, "—"),
    row(`${f.chapter} in one kernel, as in JupyterLab: kernel start and Run All, then Run All with ${f.changes[0]}`, f.kernelFirst, f.kernelRerun, `≥ 5×; rerun < 10 s`),
  ].join("\n");
}

if (require.main === module) {
  benchCache().then((f) => process.stdout.write(`${cacheTable(f)}\n`), (e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
