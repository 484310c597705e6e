/** record: measures the validation matrix on one Go version and writes it with provenance. */
import * as os from "node:os";
import * as path from "node:path";
import { Case } from "../case";
import { findToolchain } from "../go";
import { measureWith, cpuModel } from "../measure";
import { checkOutputDir, checkOutputFile } from "../output";
import { gcflagsFor } from "../probe";
import { datasetFileName, DATASET_SCHEMA, Provenance, writeDataset } from "./dataset";
import { validationMatrix } from "./matrix";
import { stringsMatrix, STRINGS_MATRIX_NAME } from "./string-matrix";

export const RECORD_RUNS = 51;
export const MATRIX_NAME = "validation-v1";

/** The matrices record measures: the article's operations (the default), or the string and growth operations. */
export const MATRICES = ["validation", "strings"] as const;
export type MatrixChoice = (typeof MATRICES)[number];

/** A matrix's cases for a Go version, its name in the provenance, and its file name's suffix. */
export function matrixOf(choice: MatrixChoice, go: string): { cases: Case[]; name: string; suffix: string } {
  return choice === "strings"
    ? { cases: stringsMatrix(go), name: STRINGS_MATRIX_NAME, suffix: "-strings" }
    : { cases: validationMatrix(), name: MATRIX_NAME, suffix: "" };
}

export interface RecordOptions {
  go?: string;
  /** Folder for the dataset. Default data/measurements of this project. */
  outDir?: string;
  runs?: number;
  debug?: boolean;
  goexperiment?: string;
  /** Which matrix: validation (default, go<version>.jsonl) or strings (go<version>-strings.jsonl). */
  matrix?: MatrixChoice;
  onProgress?: (message: string) => void;
}

/** Where recorded datasets live in the project. */
export function measurementsDir(): string {
  return path.resolve(__dirname, "..", "..", "..", "data", "measurements");
}

/** Measures the whole matrix in one build and one run, and writes the dataset; returns its path. */
export async function record({ go, outDir = measurementsDir(), runs = RECORD_RUNS, debug = false, goexperiment, matrix = "validation", onProgress }: RecordOptions = {}): Promise<string> {
  // A folder that cannot be written is refused now, not after minutes of measuring.
  checkOutputDir(outDir);
  const tc = await findToolchain(go, { goexperiment });
  const chosen = matrixOf(matrix, tc.version);
  const file = path.join(outDir, datasetFileName(tc.version, debug, chosen.suffix));
  checkOutputFile(file);
  const cases = chosen.cases;
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
    matrix: chosen.name,
    cases: cases.length,
  };
  writeDataset(file, provenance, results);
  return file;
}
