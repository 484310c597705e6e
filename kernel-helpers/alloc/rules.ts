/**
 * The facts of mallocgc that changed between Go releases, as a table keyed by the release that
 * brought each change, and the rules of one version derived from it and that version's own size
 * classes. The modelled versions (modelled.ts) and a toolchain the lab has never seen (read.ts)
 * get their rules the same way.
 */
import { InputError } from "../errors";
import { allocMessages } from "../messages";
import { SizeClasses } from "./sizeclasses";

/**
 * maxTinySize = _TinySize = 16: noscan requests below it go to the tiny allocator, which packs
 * them into blocks of this many bytes (runtime/malloc.go `_TinySize = 16` in 1.19.8;
 * internal/runtime/gc/sizeclasses.go `TinySize = 16` in 1.26.8 and 1.27.3).
 */
export const TINY_SIZE = 16;

/** A malloc header: scan objects above `above` bytes carry `size` bytes of type pointer in front. */
export interface MallocHeaders {
  size: number;
  above: number;
}

/** The allocator's rules for one Go version (amd64). */
export interface AllocRules {
  /** Full version, e.g. "1.26.8". */
  go: string;
  sizeClasses: SizeClasses;
  /** maxTinySize: noscan requests below it go to the tiny allocator (runtime/malloc.go). */
  tinySize: number;
  /**
   * Largest small object: 1.19.8 mallocgc tests `size <= maxSmallSize`; from 1.22 mallocgc tests
   * `size <= maxSmallSize-mallocHeaderSize`, so 32761..32768 bytes are large objects there.
   */
  maxSmall: number;
  /** Malloc headers, from 1.22; null before. */
  headers: MallocHeaders | null;
  /**
   * Largest size served by the size-specialised mallocgc functions of malloc_generated.go by
   * default (0: none). Same classes, same counts; only the path differs.
   */
  sizeSpecialized: number;
}

/** What changed at one release; it holds from `since` until the next row. */
interface Release {
  /** [major, minor]: the first release with these facts. */
  since: readonly [number, number];
  headers: MallocHeaders | null;
  sizeSpecialized: number;
  /** GOEXPERIMENT=sizespecializedmalloc exists (on or off). */
  sizeSpecializedExperiment: boolean;
}

/** The releases that changed mallocgc's rules, oldest first. */
const RELEASES: readonly Release[] = [
  // runtime/malloc.go (1.19.8) mallocgc: no header; the heap bitmap describes every object.
  { since: [1, 0], headers: null, sizeSpecialized: 0, sizeSpecializedExperiment: false },
  // Go 1.22: GOEXPERIMENT=allocheaders on by default (internal/buildcfg/exp.go), the only way
  // from 1.23. internal/runtime/gc/malloc.go (1.26.8): MallocHeaderSize = 8,
  // MinSizeForMallocHeader = goarch.PtrSize * ptrBits = 8*64 = 512; runtime/malloc.go
  // mallocgcSmallScanHeader: `size += gc.MallocHeaderSize` when !heapBitsInSpan(size).
  { since: [1, 22], headers: { size: 8, above: 512 }, sizeSpecialized: 0, sizeSpecializedExperiment: false },
  // Go 1.26: GOEXPERIMENT=sizespecializedmalloc exists, off by default (internal/buildcfg/exp.go);
  // when set, sizes up to 512 B go through malloc_generated.go.
  { since: [1, 26], headers: { size: 8, above: 512 }, sizeSpecialized: 0, sizeSpecializedExperiment: true },
  // Go 1.27: GOEXPERIMENT=sizespecializedmalloc on by default (internal/buildcfg/exp.go
  // `SizeSpecializedMalloc: true`); runtime/malloc.go sends sizes below len(mallocNoScanTable) = 81
  // (runtime/malloc_tables_generated.go, 1.27.3) to malloc_generated.go.
  { since: [1, 27], headers: { size: 8, above: 512 }, sizeSpecialized: 80, sizeSpecializedExperiment: true },
];

/** [major, minor] of "1.26.8", "go1.27.3", "1.22rc1"; an InputError for anything else. */
export function releaseOf(version: string): [number, number] {
  const m = /^(?:go)?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) throw new InputError(allocMessages.badVersion(version), version);
  return [Number(m[1]), Number(m[2])];
}

function releaseRow(version: string): Release {
  const [major, minor] = releaseOf(version);
  let row = RELEASES[0];
  for (const r of RELEASES) if (major > r.since[0] || (major === r.since[0] && minor >= r.since[1])) row = r;
  return row;
}

/**
 * Size-specialised malloc in Go `version` by the release table: whether it is on without any
 * GOEXPERIMENT, and whether GOEXPERIMENT=sizespecializedmalloc exists to turn it on or off.
 */
export function sizeSpecializedMalloc(version: string): { byDefault: boolean; experiment: boolean } {
  const row = releaseRow(version);
  return { byDefault: row.sizeSpecialized > 0, experiment: row.sizeSpecializedExperiment };
}

/**
 * The allocator's rules of Go `version` with its size classes `sc`: the facts of the latest
 * release in the table at or before it. A version newer than the table gets the newest facts;
 * its size classes are its own.
 */
export function allocRules(version: string, sc: SizeClasses): AllocRules {
  const { headers, sizeSpecialized } = releaseRow(version);
  return {
    go: version,
    sizeClasses: sc,
    tinySize: TINY_SIZE,
    // runtime/malloc.go mallocgc (1.22 on): `size <= maxSmallSize-mallocHeaderSize`.
    maxSmall: sc.maxSmallSize - (headers ? headers.size : 0),
    headers,
    sizeSpecialized,
  };
}
