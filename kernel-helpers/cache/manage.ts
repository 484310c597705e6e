/** What `golab cache info` and `golab cache clear` report: the cache's contents, and removing them. */
import * as fs from "node:fs";
import * as path from "node:path";
import { cacheRoot, probesDir, resultsDir } from "./root";
import { CacheEntry } from "./results";

export interface CacheInfo {
  root: string;
  results: { dir: string; entries: number; bytes: number; byKind: Record<string, number>; byGo: Record<string, number>; oldest?: string; newest?: string };
  probes: { dir: string; builds: number; bytes: number };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);

/** Counts entries by kind and Go version (entries that do not parse are counted as "unreadable"). */
export function cacheInfo(root = cacheRoot()): CacheInfo {
  const rdir = root === cacheRoot() ? resultsDir() : resultsDir(root);
  const entries = filesUnder(rdir).filter((f) => f.endsWith(".json"));
  const byKind: Record<string, number> = {};
  const byGo: Record<string, number> = {};
  let oldest: string | undefined;
  let newest: string | undefined;
  for (const f of entries) {
    let kind = "unreadable";
    let go = "?";
    try {
      const e = JSON.parse(fs.readFileSync(f, "utf8")) as CacheEntry<unknown> & { key: { go?: string } };
      kind = e.kind;
      go = e.key?.go ?? "?";
      if (!oldest || e.at < oldest) oldest = e.at;
      if (!newest || e.at > newest) newest = e.at;
    } catch {
      // Counted as unreadable; `golab cache clear` removes it.
    }
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byGo[go] = (byGo[go] ?? 0) + 1;
  }
  const pdir = probesDir(root);
  const probeFiles = filesUnder(pdir);
  return {
    root,
    results: { dir: rdir, entries: entries.length, bytes: sizeOf(entries), byKind, byGo, oldest, newest },
    probes: { dir: pdir, builds: probeFiles.filter((f) => path.basename(f) === "probe").length, bytes: sizeOf(probeFiles) },
  };
}

/** Removes every cached result and built probe; returns what was there. */
export function clearCache(root = cacheRoot()): CacheInfo {
  const info = cacheInfo(root);
  fs.rmSync(info.results.dir, { recursive: true, force: true });
  fs.rmSync(info.probes.dir, { recursive: true, force: true });
  return info;
}
