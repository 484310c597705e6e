/**
 * The same experiments on several Go versions: measured now where that Go is installed (one batch
 * per build), otherwise looked up in the recorded datasets, each result labelled with its source.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case } from "../case";
import { GolabError } from "../errors";
import { findToolchain } from "../go";
import { measureWith, MeasureResult } from "../measure";
import { measurementsDir, readDataset, Dataset } from "../record";

/** One run an experiment needs: a case and the build it is measured with. */
export interface Experiment {
  case: Case;
  debug: boolean;
}

/** A result with where it came from: `recorded` holds the recording's date when it is not live. */
export type LabeledResult = MeasureResult & { recorded?: string };

export interface VersionResults {
  /** What was asked for, e.g. "1.19". */
  spec: string;
  /** Full Go version, when known. */
  go: string;
  /** "measured now", "recorded 2026-11-24", or "none" (neither installed nor recorded). */
  source: string;
  results: LabeledResult[];
  /** Experiments neither measured nor recorded for this version (the simulator can answer them). */
  missing: Experiment[];
}

export interface AcrossOptions {
  versions: readonly string[];
  /** Measure installed versions now (default true); false uses recorded datasets only. */
  live?: boolean;
  runs?: number;
  onProgress?: (message: string) => void;
}

/** The recorded datasets of a version ("1.19" matches go1.19.8.jsonl and go1.19.8-N-l.jsonl). */
export function recordedDatasets(version: string, dir = measurementsDir()): Dataset[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(`go${version}.`) || f.startsWith(`go${version}-`)) : [];
  return files.sort().map((f) => readDataset(path.join(dir, f)));
}

const keyOf = (c: Case, debug: boolean) => `${debug ? "debug" : "optimized"} ${JSON.stringify(c)}`;

function distinct(experiments: readonly Experiment[]): { optimized: Case[]; debug: Case[] } {
  const seen = new Map<string, Experiment>();
  for (const e of experiments) seen.set(keyOf(e.case, e.debug), e);
  const all = [...seen.values()];
  return { optimized: all.filter((e) => !e.debug).map((e) => e.case), debug: all.filter((e) => e.debug).map((e) => e.case) };
}

/** Runs (or looks up) every experiment on every version. */
export async function measureAcross(experiments: readonly Experiment[], { versions, live = true, runs = 21, onProgress }: AcrossOptions): Promise<VersionResults[]> {
  const { optimized, debug } = distinct(experiments);
  const out: VersionResults[] = [];
  for (const spec of versions) {
    let tc;
    try {
      tc = live ? await findToolchain(spec) : undefined;
    } catch (e) {
      if (!(e instanceof GolabError)) throw e;
      onProgress?.(`Go ${spec} is not installed here: using recorded datasets`);
    }
    if (tc) {
      onProgress?.(`measuring ${optimized.length + debug.length} experiments on Go ${tc.version}`);
      const options = { runs, timeoutMs: 600_000, onProgress };
      const results = [
        ...(optimized.length ? await measureWith(tc, optimized, { ...options, debug: false }) : []),
        ...(debug.length ? await measureWith(tc, debug, { ...options, debug: true }) : []),
      ];
      out.push({ spec, go: tc.version, source: "measured now", results, missing: [] });
      continue;
    }
    const datasets = recordedDatasets(spec);
    if (datasets.length === 0) {
      onProgress?.(`no recorded dataset for Go ${spec}`);
      out.push({ spec, go: spec, source: "none", results: [], missing: [...experiments] });
      continue;
    }
    const byKey = new Map(datasets.flatMap((d) => d.results.map((r) => [keyOf(r.case, r.build.debug), { ...r, recorded: d.provenance.date }] as const)));
    const dates = [...new Set(datasets.map((d) => d.provenance.date.slice(0, 10)))].join(", ");
    const wanted: Experiment[] = [...optimized.map((c) => ({ case: c, debug: false })), ...debug.map((c) => ({ case: c, debug: true }))];
    const results = wanted.flatMap((e) => byKey.get(keyOf(e.case, e.debug)) ?? []);
    const missing = wanted.filter((e) => !byKey.has(keyOf(e.case, e.debug)));
    if (missing.length) onProgress?.(`Go ${spec}: ${missing.length} experiments are not in the recorded datasets`);
    out.push({ spec, go: datasets[0].provenance.go, source: `recorded ${dates}`, results, missing });
  }
  return out;
}
