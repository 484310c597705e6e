/** record: measures a matrix (the validation matrix by default) on one Go version and writes it with provenance. */
import * as os from "node:os";
import * as path from "node:path";
import { findToolchain } from "../go";
import { measureWith, cpuModel } from "../measure";
import { checkOutputDir, checkOutputFile } from "../output";
import { gcflagsFor } from "../probe";
import { datasetFileName, DATASET_SCHEMA, Provenance, writeDataset } from "./dataset";
import { matrixNamed } from "./matrices";

export const RECORD_RUNS = 51;

export interface RecordOptions {
  go?: string;
  /** Folder for the dataset. Default data/measurements of this project. */
  outDir?: string;
  runs?: number;
  debug?: boolean;
  goexperiment?: string;
  /** Which matrix (record/matrices.ts): `validation` (default), `objects` or `strings`. */
  matrix?: string;
  onProgress?: (message: string) => void;
}

/** Where recorded datasets live in the project. */
export function measurementsDir(): string {
  return path.resolve(__dirname, "..", "..", "..", "data", "measurements");
}

/** Measures the whole matrix in one build and one run, and writes its dataset; returns its path. */
export async function record({ go, outDir = measurementsDir(), runs = RECORD_RUNS, debug = false, goexperiment, matrix = "validation", onProgress }: RecordOptions = {}): Promise<string> {
  const m = matrixNamed(matrix);
  // A folder that cannot be written is refused now, not after minutes of measuring.
  checkOutputDir(outDir);
  const tc = await findToolchain(go, { goexperiment });
  const file = path.join(outDir, datasetFileName(tc.version, debug, m.suffix));
  checkOutputFile(file);
  const cases = m.cases(tc.version);
  const results = await measureWith(tc, cases, { runs, debug, timeoutMs: 1_800_000, onProgress });
  const provenance: Provenance = {
    kind: "provenance",
    schema: DATASET_SCHEMA,
    go: tc.version,
    goos: tc.goos,
    goarch: tc.goarch,
    goexperiment: tc.goexperiment,
    gcflags: gcflagsFor(debug),
    debug,
    runs,
    date: new Date().toISOString(),
    cpu: cpuModel(),
    cores: os.cpus().length,
    recorder: "golab record",
    matrix: m.name,
    cases: cases.length,
  };
  writeDataset(file, provenance, results);
  return file;
}
