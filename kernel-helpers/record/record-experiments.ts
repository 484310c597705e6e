/**
 * recordExperiments: runs the live-only experiments (Delve hit counts, GC on/off benchmarks, a
 * gctrace run, the churn series, the inlining profile) on one Go version and writes them, with
 * provenance, to data/experiments/go<version>.jsonl.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../errors";
import { recordMessages } from "../messages";
import { LiveExperiment } from "../experiments";
import { findToolchain } from "../go";
import { checkOutputDir, checkOutputFile } from "../output";
import { cpuModel } from "../measure";
import { golabVersion } from "../version";
import { EXPERIMENTS_SCHEMA, experimentsDir, experimentsFileName, ExperimentsProvenance, readExperiments, RecordedExperiment, writeExperiments } from "./experiments-file";

export interface RecordExperimentsOptions {
  go?: string;
  /** What to run (experiments/catalog.ts). */
  experiments: readonly LiveExperiment[];
  /** Folder to write to. Default data/experiments of this project. */
  outDir?: string;
  /**
   * Run only these (by name) and keep the file's other experiments as they were recorded, each
   * line with its own date: a new experiment is recorded without re-rolling the others' timings.
   */
  only?: readonly string[];
  onProgress?: (message: string) => void;
}

/** Runs every experiment, one after the other (timings must not compete), and writes the file; returns its path. */
export async function recordExperiments({ go, experiments, outDir = experimentsDir(), only, onProgress }: RecordExperimentsOptions): Promise<string> {
  const unknown = (only ?? []).filter((name) => !experiments.some((x) => x.name === name));
  if (unknown.length) throw new InputError(recordMessages.unknownExperiment(unknown, experiments.map((x) => x.name)), unknown.join(" ").slice(0, 40));
  // A folder that cannot be written is refused now, not after the experiments ran.
  checkOutputDir(outDir);
  const running = experiments.filter((e) => !only || only.includes(e.name));
  onProgress?.(`recording ${running.map((x) => x.name).join(", ")}`);
  const tc = await findToolchain(go);
  const file = path.join(outDir, experimentsFileName(tc.version));
  checkOutputFile(file);
  const kept = only && fs.existsSync(file) ? readExperiments(file).experiments.filter((x) => !only.includes(x.name)) : [];
  const started = Date.now();
  const recorded: RecordedExperiment[] = [...kept];
  for (const x of running) {
    onProgress?.(`${x.name} on Go ${tc.version}`);
    const at = new Date();
    const result = await x.run(go);
    const seconds = (Date.now() - at.getTime()) / 1000;
    onProgress?.(`${x.name} on Go ${tc.version}: ${seconds.toFixed(1)} s`);
    recorded.push({ kind: "experiment", name: x.name, inputs: x.inputs, flags: x.flags, at: at.toISOString(), seconds, result });
  }
  const provenance: ExperimentsProvenance = {
    kind: "provenance", schema: EXPERIMENTS_SCHEMA, go: tc.version, goos: tc.goos, goarch: tc.goarch, goexperiment: tc.goexperiment,
    date: new Date().toISOString(), cpu: cpuModel(), cores: os.cpus().length, recorder: "golab record", golab: golabVersion(),
    seconds: (Date.now() - started) / 1000,
  };
  writeExperiments(file, provenance, recorded);
  return file;
}
