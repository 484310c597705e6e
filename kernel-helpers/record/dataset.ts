/**
 * Recorded datasets: `data/measurements/go<version>.jsonl`. The first line is the provenance
 * (Go version, GOARCH, GOEXPERIMENT, flags, date, CPU); every other line is one MeasureResult.
 * Files are written atomically (temporary file, then rename) and validated line by line on load.
 */
import * as fs from "node:fs";
import { Case, describeCase, experimentKey, validateCase } from "../case";
import { GolabError } from "../errors";
import { failAt as fail, RecordingProvenance, writeJsonLinesAtomically } from "./jsonl";
import { MeasureResult } from "../measure";

export const DATASET_SCHEMA = 1;

export interface Provenance extends RecordingProvenance {
  gcflags: string[];
  debug: boolean;
  runs: number;
  matrix: string;
  cases: number;
}

export interface Dataset {
  file: string;
  provenance: Provenance;
  results: MeasureResult[];
}

/**
 * File name for a version, build and matrix suffix: go1.26.8.jsonl, go1.26.8-N-l.jsonl for debug
 * builds, go1.26.8.objects.jsonl and go1.26.8.strings.jsonl for the other matrices (record/matrices.ts).
 */
export function datasetFileName(goVersion: string, debug: boolean, suffix = ""): string {
  return `go${goVersion}${debug ? "-N-l" : ""}${suffix}.jsonl`;
}

/** Writes a dataset atomically: readers see the old file or the new one, never half of one. */
export function writeDataset(file: string, provenance: Provenance, results: readonly MeasureResult[]): void {
  writeJsonLinesAtomically(file, [provenance, ...results.map((r) => ({ kind: "result", ...r }))]);
}

/** The fields a result line may have (MeasureResult's, and the line's kind). */
const RESULT_FIELDS = new Set([
  "kind", "go", "goarch", "backend", "case", "mallocs", "mallocgcCalls", "bytes", "allocatedBytes", "allocations", "distribution",
  "runs", "deterministic", "memstats", "metrics", "bySize", "escape", "bytesDistribution", "build",
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A result line holds what readers use, in the types they expect, and nothing else. */
function checkResultShape(obj: Record<string, unknown>, provenance: Provenance, fail: (why: string) => never): void {
  const unknown = Object.keys(obj).filter((k) => !RESULT_FIELDS.has(k));
  if (unknown.length) fail(`unknown field${unknown.length === 1 ? "" : "s"} ${unknown.map((k) => JSON.stringify(k.slice(0, 40))).join(", ")}`);
  const build = obj.build;
  if (!isObject(build) || typeof build.debug !== "boolean" || !Array.isArray(build.gcflags)) fail("lacks its build (debug, gcflags)");
  if (build.debug !== provenance.debug) fail(`a ${build.debug ? "-N -l" : "optimized"} result in a dataset of ${provenance.debug ? "-N -l" : "optimized"} builds`);
  const memstats = obj.memstats;
  if (!isObject(memstats) || !["mallocs", "totalAlloc", "heapObjects"].every((k) => typeof memstats[k] === "number")) fail("lacks its memstats (mallocs, totalAlloc, heapObjects)");
  if (!isObject(obj.metrics)) fail("lacks its metrics");
  if (!Array.isArray(obj.bySize) || !Array.isArray(obj.escape)) fail("lacks its size buckets or escape decisions");
  if (typeof obj.deterministic !== "boolean") fail("lacks deterministic");
}


/** Reads and validates a dataset; a bad line is reported as file:line. */
export function readDataset(file: string): Dataset {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new GolabError(`cannot read dataset ${file}: ${(e as Error).message}`);
  }
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let provenance: Provenance | undefined;
  const results: MeasureResult[] = [];
  const lineOf = new Map<string, number>();
  lines.forEach((raw, i) => {
    const n = i + 1;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      fail(file, n, `not JSON (${(e as Error).message})`);
    }
    if (typeof obj !== "object" || obj === null) fail(file, n, "not a JSON object");
    if (n === 1) {
      if (obj.kind !== "provenance") fail(file, n, "the first line must be the provenance");
      for (const k of ["go", "goarch", "date", "cpu"] as const) if (typeof obj[k] !== "string") fail(file, n, `provenance lacks ${k}`);
      if (!Array.isArray(obj.gcflags) || typeof obj.debug !== "boolean") fail(file, n, "provenance lacks its build flags");
      if (obj.schema !== DATASET_SCHEMA) fail(file, n, `schema ${String(obj.schema)} is not ${DATASET_SCHEMA}`);
      provenance = obj as unknown as Provenance;
      return;
    }
    if (obj.kind !== "result") fail(file, n, `unknown line kind ${JSON.stringify(obj.kind)}`);
    try {
      validateCase(obj.case);
    } catch (e) {
      fail(file, n, `bad case: ${(e as Error).message}`);
    }
    if (obj.go !== provenance!.go) fail(file, n, `result for Go ${String(obj.go)} in a dataset of Go ${provenance!.go}`);
    for (const k of ["mallocs", "allocatedBytes", "runs"] as const) {
      if (typeof obj[k] !== "number" || !Number.isSafeInteger(obj[k]) || (obj[k] as number) < 0) fail(file, n, `${k} must be a whole number`);
    }
    checkResultShape(obj, provenance!, (why) => fail(file, n, why));
    const key = experimentKey({ case: obj.case as Case, debug: (obj.build as { debug: boolean }).debug });
    const earlier = lineOf.get(key);
    if (earlier !== undefined) fail(file, n, `the same case as line ${earlier} (${describeCase(obj.case as Case)}): a dataset holds each case once`);
    lineOf.set(key, n);
    const { kind: _kind, ...result } = obj;
    results.push(result as unknown as MeasureResult);
  });
  if (!provenance) fail(file, 1, "empty dataset");
  return { file, provenance, results };
}
