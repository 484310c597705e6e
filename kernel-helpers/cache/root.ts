/** Where golab keeps what it can rebuild: built probes and measured results. */
import * as os from "node:os";
import * as path from "node:path";

/** $GOLAB_CACHE, else $XDG_CACHE_HOME/golab, else ~/.cache/golab. */
export function cacheRoot(): string {
  if (process.env.GOLAB_CACHE) return process.env.GOLAB_CACHE;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "golab");
}

const reported = new Set<string>();

/**
 * Says once per process that golab's cache under `root` cannot be written, whichever part (built
 * probes, results) finds it first: a read-only cache is one warning, and the work goes on.
 */
export function reportUnwritableCache(root: string, report: () => void): void {
  if (reported.has(root)) return;
  reported.add(root);
  report();
}

/** Built probe binaries and their escape reports, keyed by source, flags and toolchain. */
export function probesDir(root = cacheRoot()): string {
  return path.join(root, "probes");
}

/**
 * Measured results, content-addressed. $GOLAB_RESULTS_CACHE moves them alone (the test runner
 * gives each run a fresh one, so tests measure for real while built probes stay shared).
 */
export function resultsDir(root?: string): string {
  if (root === undefined && process.env.GOLAB_RESULTS_CACHE) return process.env.GOLAB_RESULTS_CACHE;
  return path.join(root ?? cacheRoot(), "results");
}
