/**
 * The result cache: content-addressed JSON entries on disk. A key is any JSON value (the store
 * puts in it the canonical case, build flags, Go version, GOARCH, GOEXPERIMENT, the probe
 * generator's fingerprint and golab's version); its SHA-256 names the file. Writes go to a
 * temporary file renamed into place, so several golab processes can share the cache and a reader
 * sees a whole entry or none. A corrupt or unreadable entry is reported once and treated as
 * missing; a cache that cannot be written is reported once and the work goes on without it.
 */
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputError } from "../errors";
import { cacheMessages } from "../messages";
import { makeDirs } from "../output";
import { reportUnwritableCache, resultsDir } from "./root";

export const CACHE_SCHEMA = 1;

/** One stored entry: what it answers, when it was made, and the value. */
export interface CacheEntry<V> {
  schema: number;
  kind: string;
  key: unknown;
  /** ISO date and time the value was produced (measured, traced). */
  at: string;
  value: V;
}

export interface ResultCacheOptions {
  /** The folder (default: resultsDir()). */
  dir?: string;
  /** Told once per problem (a corrupt entry, a folder that cannot be written). */
  onWarning?: (message: string) => void;
}

export class ResultCache {
  readonly dir: string;
  private readonly warn: (message: string) => void;
  private readonly warned = new Set<string>();
  private writable = true;

  constructor({ dir = resultsDir(), onWarning }: ResultCacheOptions = {}) {
    this.dir = dir;
    this.warn = onWarning ?? ((m) => process.stderr.write(`golab: ${m}\n`));
  }

  /** The file an entry of this key lives in. */
  fileOf(kind: string, key: unknown): string {
    const hash = createHash("sha256").update(JSON.stringify([kind, key])).digest("hex");
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /** The entry for a key, or undefined (missing, corrupt, or made for another key). */
  get<V>(kind: string, key: unknown): CacheEntry<V> | undefined {
    const file = this.fileOf(kind, key);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      // Missing, or a path through a file (GOLAB_CACHE set to one): nothing cached, and the write says why.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") this.once(file, cacheMessages.unreadable(file, (e as Error).message));
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as CacheEntry<V>;
      if (entry.schema !== CACHE_SCHEMA || entry.kind !== kind || JSON.stringify(entry.key) !== JSON.stringify(key) || typeof entry.at !== "string" || entry.value === undefined) {
        throw new Error("it does not answer its key");
      }
      return entry;
    } catch (e) {
      this.once(file, cacheMessages.corrupt(file, (e as Error).message));
      removeQuietly(file);
      return undefined;
    }
  }

  /** Stores a value made at `at` (default now); returns the entry. Never throws for I/O. */
  put<V>(kind: string, key: unknown, value: V, at = new Date().toISOString()): CacheEntry<V> {
    const entry: CacheEntry<V> = { schema: CACHE_SCHEMA, kind, key, at, value };
    if (!this.writable) return entry;
    const file = this.fileOf(kind, key);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      makeDirs(path.dirname(file));
      fs.writeFileSync(tmp, JSON.stringify(entry));
      fs.renameSync(tmp, file);
    } catch (e) {
      removeQuietly(tmp);
      this.writable = false;
      const why = e instanceof OutputError ? e.code || e.message : (e as Error).message;
      reportUnwritableCache(path.dirname(this.dir), () => this.once(this.dir, cacheMessages.notWritable(this.dir, why)));
    }
    return entry;
  }

  private once(what: string, message: string): void {
    if (this.warned.has(what)) return;
    this.warned.add(what);
    this.warn(message);
  }
}

/** Removes a file if it can; a cache that cannot even do that has already been reported. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing to do: the entry is ignored either way.
  }
}
