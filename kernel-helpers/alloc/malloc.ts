/**
 * mallocgc's choice of path for one request (zero, tiny, small, large), its size class and the
 * bytes it takes: 1.19.8 runtime/malloc.go mallocgc; 1.26.8 runtime/malloc.go mallocgc,
 * mallocgcTiny, mallocgcSmallNoscan, mallocgcSmallScanNoHeader, mallocgcSmallScanHeader,
 * mallocgcLarge; 1.27.3 the same paths, some through the size-specialised functions of
 * malloc_generated.go (same classes, same bytes).
 *
 * Bytes taken follow MemStats.TotalAlloc: whole slots, a new tiny block as 16 bytes and an
 * allocation inside the current block as 0, whole pages for large objects.
 */
import { AllocationRecord } from "../result";
import { AllocRules } from "./rules";
import { largeSize, sizeClassOf } from "./sizeclasses";
import { TINY_SIZE_CLASS, TinyBlock } from "./tiny";

/** How mallocgc serves one request, besides its path (allocate's result). Numbers only. */
export interface Shape {
  /** The size class (2 for tiny, 0 for zero and large). */
  sizeClass: number;
  /** Bytes taken (MemStats.TotalAlloc): 0 for size 0 and inside the current tiny block. */
  rounded: number;
  /** Bytes of malloc header put in front of the object (0: none). */
  header: number;
  /** Offset inside the current tiny block; -1 when not placed inside one. */
  tinyAt: number;
}

/** A Shape to fill with `allocate`. */
export function newShape(): Shape {
  return { sizeClass: 0, rounded: 0, header: 0, tinyAt: -1 };
}

/**
 * How mallocgc serves `size` bytes (`noscan`: the type holds no pointers, or typ is nil): returns
 * the path and writes the rest into `out`. A hot path: the caller may reuse one Shape, and only
 * numbers are written to it. A tiny request moves `tiny`.
 */
export function allocate(rules: AllocRules, tiny: TinyBlock, size: number, noscan: boolean, out: Shape): AllocationRecord["path"] {
  out.header = 0;
  out.tinyAt = -1;
  if (size === 0) {
    // mallocgc: `if size == 0 { return unsafe.Pointer(&zerobase) }`
    out.sizeClass = 0;
    out.rounded = 0;
    return "zero";
  }
  if (size <= rules.maxSmall) {
    if (noscan && size < rules.tinySize) {
      const at = tiny.place(size, rules.tinySize);
      out.sizeClass = TINY_SIZE_CLASS;
      out.tinyAt = at;
      out.rounded = at >= 0 ? 0 : rules.tinySize;
      return "tiny";
    }
    // mallocgcSmallScanHeader (1.22 on): `size += gc.MallocHeaderSize` when !heapBitsInSpan(size).
    const h = rules.headers;
    const header = h !== null && !noscan && size > h.above ? h.size : 0;
    const sc = rules.sizeClasses;
    const sizeClass = sizeClassOf(sc, size + header);
    out.header = header;
    out.sizeClass = sizeClass;
    out.rounded = sc.classToSize[sizeClass];
    return "small";
  }
  out.sizeClass = 0;
  out.rounded = largeSize(rules.sizeClasses, size);
  return "large";
}

/** Path, size class and bytes taken of one allocation of `size` bytes; a tiny one moves `tiny`. */
export function classify(size: number, noscan: boolean, rules: AllocRules, tiny: TinyBlock): Pick<AllocationRecord, "path" | "rounded" | "sizeClass"> {
  const s = newShape();
  const path = allocate(rules, tiny, size, noscan, s);
  return { path, rounded: s.rounded, sizeClass: s.sizeClass };
}
