/**
 * What `golab record --json` and `golab export --json` print: what was written, where, how much,
 * and where its numbers came from. A recording is summarised from the file as read back (so the
 * summary says what is on disk, not what was meant to be).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ExportResult } from "../course";
import type * as Record from "../record";

/** A recording's summary: the file, its provenance, and what it holds. */
export interface RecordSummary {
  written: string;
  bytes: number;
  kind: "measurements" | "experiments";
  go: string;
  goos: string;
  goarch: string;
  goexperiment: string;
  date: string;
  /** Every number in it was measured by this run. */
  source: { kind: "live" };
  /** measurements: the build and the matrix. */
  debug?: boolean;
  runs?: number;
  matrix?: string;
  cases?: number;
  /** experiments: each one's name and wall-clock seconds. */
  experiments?: { name: string; seconds: number }[];
}

/** The summary of a dataset (data/measurements) or an experiments file (data/experiments) just written. */
export function recordSummary(file: string, kind: RecordSummary["kind"]): RecordSummary {
  const { readDataset, readExperiments } = (require("../record") as typeof Record);
  const written = path.resolve(file);
  const bytes = fs.statSync(written).size;
  if (kind === "measurements") {
    const { provenance: p, results } = readDataset(written);
    return {
      written, bytes, kind, go: p.go, goos: p.goos, goarch: p.goarch, goexperiment: p.goexperiment, date: p.date, source: { kind: "live" },
      debug: p.debug, runs: p.runs, matrix: p.matrix, cases: results.length,
    };
  }
  const { provenance: p, experiments } = readExperiments(written);
  return {
    written, bytes, kind, go: p.go, goos: p.goos, goarch: p.goarch, goexperiment: p.goexperiment, date: p.date, source: { kind: "live" },
    experiments: experiments.map((x) => ({ name: x.name, seconds: x.seconds })),
  };
}

/** An export's summary: the folder, the index, each page with its cell failures, and per Go version where the results came from. */
export function exportSummary(result: ExportResult, parameters: Record<string, unknown>): object {
  return {
    written: path.resolve(result.outDir),
    index: path.resolve(result.index),
    seconds: result.seconds,
    parameters,
    pages: result.pages.map((p) => ({ chapter: p.name, title: p.title, file: path.resolve(result.outDir, p.html), seconds: p.seconds, slowestCell: p.slowestCell, failedCells: p.failed })),
    failedCells: result.pages.reduce((n, p) => n + p.failed, 0),
    // Per Go version: whether it ran here, and how many results came live, cached, recorded or simulated.
    versions: result.versions,
  };
}
