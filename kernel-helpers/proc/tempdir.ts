/** Temporary folders that are removed when the work is done, on error, and on interrupt. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { releaseFolder, trackFolder } from "./cleanup";

/** Prefix of every temporary folder the lab makes, so tests can count leftovers. */
export const TEMP_PREFIX = "golab-";

/** Runs `work` with a fresh temporary folder and removes the folder afterwards, whatever happens. */
export async function withTempDir<T>(purpose: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${purpose}-`));
  trackFolder(dir);
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    releaseFolder(dir);
  }
}
