/**
 * Output files written whole or not at all: the text goes to a temporary file beside the target
 * (a dot name ending in .tmp, which no reader takes for data), then is renamed over it. A full
 * disk or a read-only folder leaves the old file as it was, and says so in one line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { failedAt, makeDirs } from "./dirs";

/** The temporary name `file` is written under before it is renamed into place. */
export function temporaryNameOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Writes `data` to `file` through a temporary file and a rename; makes the folder if needed. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  makeDirs(path.dirname(file));
  const tmp = temporaryNameOf(file);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    failedAt(path.resolve(file), e);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Moves a finished file (written elsewhere in the same folder) into place; one line if it cannot. */
export function moveIntoPlace(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    failedAt(path.resolve(to), e);
  }
}
