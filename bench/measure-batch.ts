/**
 * Measuring N cases: the lab's batch (one build, one run) against one program per case, one
 * `go test -bench -benchmem` per case, and one `testing.AllocsPerRun` per case, in one run of this
 * script so the ratios hold on a noisy machine even when absolute times do not.
 * All sides start from the same state: a fresh Go build cache (GOCACHE) warmed with the standard
 * library by one trivial probe, and a fresh probe cache (GOLAB_CACHE), so every side pays for
 * compiling and linking its own programs. Per-case ways are timed on a sample and scaled to N.
 * The batch is timed `batches` times, each from an empty probe cache, and its figure is the median:
 * one batch is one build and one run, whose time moved by about 2× between runs on this machine.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Case } from "../kernel-helpers/case";
import { findToolchain } from "../kernel-helpers/go";
import { DEFAULT_MEM_CAP, measureWith } from "../kernel-helpers/measure";
import { validationMatrix } from "../kernel-helpers/record";
import { median } from "../kernel-helpers/experiments/stats";
import { benchAlternative } from "./measure-alternatives";
import { batchSteps, BatchSteps } from "./measure-steps";

export interface MeasureRow {
  way: string;
  /** Cases actually timed (the batch: all N). */
  timed: number;
  msPerCase: number;
  /** Estimated time for all N cases over the batch's time (the batch itself: 1). */
  ratio: number;
  /** "a/b": deterministic cases where the way's count equals the lab's. */
  agreement: string;
}

export interface MeasureFigures {
  go: string;
  cases: number;
  /** The median of the batch's times. */
  batchMs: number;
  /** Every batch's time, in the order run. */
  batchRuns: number[];
  rows: MeasureRow[];
  /** Where one batch's time goes (when asked for). */
  steps?: BatchSteps;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await work();
  return [out, performance.now() - t0];
}

/**
 * The ratios bench/run.ts records (and the regression test holds) for each way of measuring beside
 * the batch (rows after the first two: "go test -bench per case", "testing.AllocsPerRun per case").
 */
export function alternativeRatios(f: MeasureFigures): Record<string, number> {
  return Object.fromEntries(f.rows.slice(2).map((r) => [`measure: ${r.way} vs a batch's`, r.ratio]));
}

export async function benchMeasure({ go, count = 100, sample = 100, altSample = 10, runs = 5, batches = 5, steps = false }: { go?: string; count?: number; sample?: number; altSample?: number; runs?: number; batches?: number; steps?: boolean } = {}): Promise<MeasureFigures> {
  const cases: Case[] = validationMatrix().slice(0, count);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-"));
  const found = await findToolchain(go);
  const tc = { ...found, env: { ...found.env, GOCACHE: path.join(dir, "gocache") } };
  const saved = process.env.GOLAB_CACHE;
  process.env.GOLAB_CACHE = path.join(dir, "probes");
  try {
    const options = { runs, debug: false, timeoutMs: 600_000 };
    await measureWith(tc, [{ op: "makeslice", elem: "uint16", len: 3, escape: "heap" }], options);
    const batchRuns: number[] = [];
    let lab: Awaited<ReturnType<typeof measureWith>> = [];
    for (let b = 0; b < batches; b++) {
      // An empty probe cache each time, so every batch builds; the last one's cache serves the rest.
      process.env.GOLAB_CACHE = path.join(dir, `probes-${b}`);
      const [out, ms] = await timed(() => measureWith(tc, cases, options));
      lab = out;
      batchRuns.push(ms);
    }
    const batchMs = median(batchRuns);
    const perCase = cases.slice(0, Math.min(sample, count));
    const [, perCaseMs] = await timed(async () => {
      for (const c of perCase) await measureWith(tc, [c], options);
    });
    const rows: MeasureRow[] = [
      { way: "golab measure: one batch (one build, one run)", timed: count, msPerCase: batchMs / count, ratio: 1, agreement: "—" },
      { way: "golab measure: one program per case", timed: perCase.length, msPerCase: perCaseMs / perCase.length, ratio: (perCaseMs / perCase.length) * count / batchMs, agreement: "—" },
    ];
    const alt = cases.slice(0, Math.min(altSample, count));
    for (const way of altSample > 0 ? (["go test -bench", "testing.AllocsPerRun"] as const) : []) {
      const f = await benchAlternative(way, tc, alt, lab.slice(0, alt.length));
      rows.push({ way: `${way} per case`, timed: f.sample, msPerCase: f.msPerCase, ratio: (f.msPerCase * count) / batchMs, agreement: `${f.agree}/${f.deterministic}` });
    }
    return { go: tc.version, cases: count, batchMs, batchRuns, rows, ...(steps ? { steps: await batchSteps(tc, cases, runs, DEFAULT_MEM_CAP) } : {}) };
  } finally {
    if (saved === undefined) delete process.env.GOLAB_CACHE;
    else process.env.GOLAB_CACHE = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table. */
export function measureTable(f: MeasureFigures): string {
  const lines = f.rows.map((r) => `| ${r.way} | ${r.timed} | ${r.msPerCase.toFixed(1)} ms | **${r.ratio.toFixed(1)}×** | ${r.agreement} |`);
  const each = f.batchRuns.map((ms) => `${(ms / f.cases).toFixed(1)}`).join(", ");
  return [
    `measure: ${f.cases} cases of the validation matrix on Go ${f.go}; time for all ${f.cases} over the batch's time (the median of ${f.batchRuns.length} batches, each built from an empty probe cache: ${each} ms a case)`,
    "",
    "| way | cases timed | per case | time vs batch | counts equal to the lab's (deterministic cases) |",
    "|---|---|---|---|---|",
    ...lines,
  ].join("\n");
}
