/**
 * Batch measurement against one program per case: the same cases, the same toolchain, in one run
 * of this script, so the ratio holds on a noisy machine even when absolute times do not.
 * Both sides start from the same state: a fresh Go build cache (GOCACHE) warmed with the standard
 * library by one trivial probe, and a fresh probe cache (GOLAB_CACHE), so every probe's own package
 * is compiled and linked: build-plus-run against build-plus-run.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Case } from "../kernel-helpers/case";
import { findToolchain } from "../kernel-helpers/go";
import { measureWith } from "../kernel-helpers/measure";
import { validationMatrix } from "../kernel-helpers/record";

export interface BatchFigures {
  cases: number;
  perCaseSample: number;
  batchMs: number;
  perCaseMsEach: number;
  /** Estimated time of one program per case for all `cases`, over the batch time. */
  ratio: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/**
 * Measures `count` matrix cases as one batch, and `perCaseSample` of them one program each
 * (all of them when perCaseSample >= count); the per-case cost is the mean of that sample.
 */
export async function benchBatch({ go, count = 100, perCaseSample = 100, runs = 5 }: { go?: string; count?: number; perCaseSample?: number; runs?: number } = {}): Promise<BatchFigures> {
  const cases: Case[] = validationMatrix().slice(0, count);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-"));
  const found = await findToolchain(go);
  const tc = { ...found, env: { ...found.env, GOCACHE: path.join(cacheDir, "gocache") } };
  const saved = process.env.GOLAB_CACHE;
  process.env.GOLAB_CACHE = path.join(cacheDir, "probes");
  try {
    const options = { runs, debug: false, timeoutMs: 600_000 };
    await measureWith(tc, [{ op: "makeslice", elem: "uint16", len: 3, escape: "heap" }], options);
    const batchMs = await timed(() => measureWith(tc, cases, options));
    const sample = cases.slice(0, Math.min(perCaseSample, count));
    const perCaseMs = await timed(async () => {
      for (const c of sample) await measureWith(tc, [c], options);
    });
    const perCaseMsEach = perCaseMs / sample.length;
    return { cases: count, perCaseSample: sample.length, batchMs, perCaseMsEach, ratio: (perCaseMsEach * count) / batchMs };
  } finally {
    if (saved === undefined) delete process.env.GOLAB_CACHE;
    else process.env.GOLAB_CACHE = saved;
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
