/**
 * Where a built program (a probe, the code checker) goes: its folder in the cache, or, when the
 * cache is read-only, a temporary folder removed when golab exits.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cacheRoot, probesDir, reportUnwritableCache } from "./root";
import { OutputError } from "../errors";
import { cacheMessages } from "../messages";
import { checkOutputDir, makeDirs } from "../output";
import { TEMP_PREFIX, trackFolder } from "../proc";

/** `cached` (a folder under probesDir()) if the cache can be written, else a fresh temporary folder. */
export function buildDir(cached: string): string {
  return probeCacheWritable() ? cached : uncachedProbeDir();
}

/**
 * Whether built probes can be kept in the cache; if not, says so once (a read-only GOLAB_CACHE
 * is one warning, and measuring goes on).
 */
function probeCacheWritable(): boolean {
  const dir = probesDir();
  try {
    makeDirs(dir);
    checkOutputDir(dir);
    return true;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    reportUnwritableCache(cacheRoot(), () => process.stderr.write(`golab: ${cacheMessages.probesNotWritable(cacheRoot(), e.code || e.message)}\n`));
    return false;
  }
}

/** A folder for a probe that cannot be cached: removed when golab exits (or by its watchdog). */
function uncachedProbeDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}probe-`));
  trackFolder(dir);
  return dir;
}
