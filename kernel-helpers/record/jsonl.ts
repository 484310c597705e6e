/** The recordings' file format: JSON lines, written whole or not at all, errors as file:line. */
import { DatasetError } from "../errors";
import { recordMessages } from "../messages";
import { writeFileAtomically } from "../output";

/**
 * Writes one JSON object per line through a temporary file in the same folder, then renames it:
 * readers see the old file or the new one, never half of one. The temporary name starts with a
 * dot and ends in .tmp, so no reader ever takes it for a recording.
 */
export function writeJsonLinesAtomically(file: string, objects: readonly unknown[]): void {
  writeFileAtomically(file, objects.map((o) => JSON.stringify(o)).join("\n") + "\n");
}

/** A bad line of a recording, as file:line, in one line whatever the file holds. */
export function failAt(file: string, line: number, why: string): never {
  throw new DatasetError(recordMessages.badLine(file, line, why), file, line);
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
