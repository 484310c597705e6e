/**
 * Recorded live experiments: `data/experiments/go<version>.jsonl`. Line 1 is the provenance (Go
 * version, GOOS/GOARCH, GOEXPERIMENT, date, CPU, cores, recorder, golab version); every other
 * line is one experiment: its name, inputs, flags, when it started, how long it took, and its
 * result. Written atomically (a temporary file in the same folder, then a rename); read only by
 * exact name and validated line by line and field by field.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError } from "../errors";
import { failAt as fail, RecordingProvenance, writeJsonLinesAtomically } from "./jsonl";
import { LIVE_NAMES, LiveName, LiveResults } from "../experiments";
import { checkLiveResult, FieldError } from "./experiment-checks";

export const EXPERIMENTS_SCHEMA = 1;

export interface ExperimentsProvenance extends RecordingProvenance {
  golab: string;
  /** Wall-clock seconds of the whole recording. */
  seconds: number;
}

/** One recorded experiment. */
export interface RecordedExperiment<N extends LiveName = LiveName> {
  kind: "experiment";
  name: N;
  inputs: Record<string, unknown>;
  flags: string[];
  /** ISO date and time it started. */
  at: string;
  seconds: number;
  result: LiveResults[N];
}

export interface ExperimentsRecording {
  file: string;
  provenance: ExperimentsProvenance;
  experiments: RecordedExperiment[];
}

/** go1.26.8.jsonl */
export function experimentsFileName(goVersion: string): string {
  return `go${goVersion}.jsonl`;
}

/** Where recorded live experiments live in the project. */
export function experimentsDir(): string {
  return path.resolve(__dirname, "..", "..", "..", "data", "experiments");
}

/** JSON with object keys sorted, so inputs compare by content, not by the order they were written in. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v);
}

/** Writes a recording atomically: readers see the old file or the new one, never half of one. */
export function writeExperiments(file: string, provenance: ExperimentsProvenance, experiments: readonly RecordedExperiment[]): void {
  writeJsonLinesAtomically(file, [provenance, ...experiments]);
}


function checkProvenance(file: string, o: Record<string, unknown>): ExperimentsProvenance {
  if (o.kind !== "provenance") fail(file, 1, "the first line must be the provenance");
  if (o.schema !== EXPERIMENTS_SCHEMA) fail(file, 1, `schema ${String(o.schema)} is not ${EXPERIMENTS_SCHEMA}`);
  for (const k of ["go", "goos", "goarch", "goexperiment", "date", "cpu", "recorder", "golab"]) if (typeof o[k] !== "string") fail(file, 1, `provenance lacks ${k}`);
  if (o.recorder !== "golab record") fail(file, 1, `recorded by ${JSON.stringify(o.recorder)}, not by golab record`);
  if (Number.isNaN(Date.parse(o.date as string))) fail(file, 1, `provenance date ${JSON.stringify(o.date)} is not a date`);
  for (const k of ["cores", "seconds"]) if (typeof o[k] !== "number" || !((o[k] as number) >= 0)) fail(file, 1, `provenance ${k} must be a number`);
  return o as unknown as ExperimentsProvenance;
}

function checkExperiment(file: string, n: number, o: Record<string, unknown>, go: string): RecordedExperiment {
  if (o.kind !== "experiment") fail(file, n, `unknown line kind ${JSON.stringify(o.kind)}`);
  if (!LIVE_NAMES.includes(o.name as LiveName)) fail(file, n, `unknown experiment ${JSON.stringify(o.name)} (known: ${LIVE_NAMES.join(", ")})`);
  if (typeof o.inputs !== "object" || o.inputs === null || Array.isArray(o.inputs)) fail(file, n, "inputs must be an object");
  if (!Array.isArray(o.flags) || o.flags.some((f) => typeof f !== "string")) fail(file, n, "flags must be a list of text");
  if (typeof o.at !== "string" || Number.isNaN(Date.parse(o.at))) fail(file, n, "at must be a date");
  if (typeof o.seconds !== "number" || !(o.seconds >= 0)) fail(file, n, "seconds must be a number");
  if (!("result" in o)) fail(file, n, "no result");
  try {
    checkLiveResult(o.name as LiveName, o.result, go);
  } catch (e) {
    if (e instanceof FieldError) fail(file, n, `${o.name as string}: ${e.message}`);
    throw e;
  }
  return o as unknown as RecordedExperiment;
}

/** Reads and validates a recording; a bad line is reported as file:line with the field. */
export function readExperiments(file: string): ExperimentsRecording {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new GolabError(`cannot read recorded experiments ${file}: ${(e as Error).message}`);
  }
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) fail(file, 1, "empty file");
  let provenance: ExperimentsProvenance | undefined;
  const experiments: RecordedExperiment[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    const n = i + 1;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (e) {
      fail(file, n, `not JSON (${(e as Error).message})`);
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) fail(file, n, "not a JSON object");
    const obj = o as Record<string, unknown>;
    if (n === 1) {
      provenance = checkProvenance(file, obj);
      return;
    }
    const x = checkExperiment(file, n, obj, provenance!.go);
    const key = `${x.name} ${canonicalJson(x.inputs)}`;
    if (seen.has(key)) fail(file, n, `${x.name} with these inputs is recorded twice`);
    seen.add(key);
    experiments.push(x);
  });
  return { file, provenance: provenance!, experiments };
}

/**
 * The recordings of a version: "1.19" matches go1.19.8.jsonl (only names of that exact shape; a
 * temporary .go1.19.8.jsonl.1234.tmp or a go1.19.8.jsonl.partial is never read).
 */
export function recordedExperiments(version: string, dir = experimentsDir()): ExperimentsRecording[] {
  const name = new RegExp(`^go${version.replace(/\./g, "\\.")}(\\.\\d+)*\\.jsonl$`);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => name.test(f)) : [];
  return files.sort().map((f) => readExperiments(path.join(dir, f)));
}

/** The recorded run of the named experiment with exactly these inputs, with its file's provenance. */
export function findRecorded<N extends LiveName>(recordings: readonly ExperimentsRecording[], name: N, inputs: unknown):
  { recording: ExperimentsRecording; experiment: RecordedExperiment<N> } | undefined {
  const want = canonicalJson(inputs);
  for (const recording of recordings) {
    const experiment = recording.experiments.find((x) => x.name === name && canonicalJson(x.inputs) === want);
    if (experiment) return { recording, experiment: experiment as RecordedExperiment<N> };
  }
  return undefined;
}
