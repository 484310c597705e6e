/** The recordings' file format: JSON lines, written whole or not at all, errors as file:line. */
import * as fs from "node:fs";
import * as path from "node:path";
import { DatasetError } from "../errors";

/**
 * Writes one JSON object per line through a temporary file in the same folder, then renames it:
 * readers see the old file or the new one, never half of one. The temporary name starts with a
 * dot and ends in .tmp, so no reader ever takes it for a recording.
 */
export function writeJsonLinesAtomically(file: string, objects: readonly unknown[]): void {
  const text = objects.map((o) => JSON.stringify(o)).join("\n") + "\n";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** A bad line of a recording, as file:line. */
export function failAt(file: string, line: number, why: string): never {
  throw new DatasetError(`${file}:${line}: ${why}`, file, line);
}

/** What every recording's first line says of where its numbers came from. */
export interface RecordingProvenance {
  kind: "provenance";
  schema: number;
  /** Full Go version the results came from. */
  go: string;
  goos: string;
  goarch: string;
  goexperiment: string;
  /** ISO date and time of the recording. */
  date: string;
  cpu: string;
  cores: number;
  /** Always golab's own `golab record`. */
  recorder: string;
}
