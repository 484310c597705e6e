/**
 * Size classes per Go version, as extracted from that version's own sizeclasses.go by
 * scripts/extract-sizeclasses.js into data/sizeclasses/go<version>.json (runtime/sizeclasses.go in
 * 1.19.8, internal/runtime/gc/sizeclasses.go in 1.26.8 and 1.27.3). Read once, at module load.
 */
import go1198 from "../../data/sizeclasses/go1.19.8.json";
import go1268 from "../../data/sizeclasses/go1.26.8.json";
import go1273 from "../../data/sizeclasses/go1.27.3.json";

/** One version's size-class tables (the arrays of sizeclasses.go, under neutral names). */
export interface SizeClasses {
  go: string;
  /** The file they were read from, relative to GOROOT/src. */
  source: string;
  maxSmallSize: number;
  smallSizeDiv: number;
  smallSizeMax: number;
  largeSizeDiv: number;
  numSizeClasses: number;
  pageShift: number;
  /** class_to_size / SizeClassToSize */
  classToSize: number[];
  classToNPages: number[];
  /** size_to_class8 / SizeToSizeClass8 */
  sizeToClass8: number[];
  /** size_to_class128 / SizeToSizeClass128 */
  sizeToClass128: number[];
}

/** Size classes by full Go version. */
export const SIZE_CLASSES: Readonly<Record<string, SizeClasses>> = {
  "1.19.8": go1198,
  "1.26.8": go1268,
  "1.27.3": go1273,
};

/**
 * The size class of a small object of `size` bytes (1 ≤ size ≤ maxSmallSize), as mallocgc looks
 * it up: size_to_class8[divRoundUp(size, 8)] up to 1016 bytes, size_to_class128 above
 * (runtime/malloc.go: mallocgc in 1.19.8; mallocgcSmallNoscan and friends in 1.26.8).
 */
export function sizeClassOf(sc: SizeClasses, size: number): number {
  if (size <= sc.smallSizeMax - 8) return sc.sizeToClass8[Math.ceil(size / sc.smallSizeDiv)];
  return sc.sizeToClass128[Math.ceil((size - sc.smallSizeMax) / sc.largeSizeDiv)];
}

/** Bytes of one page of the heap (1 << _PageShift). */
export function pageSize(sc: SizeClasses): number {
  return 2 ** sc.pageShift;
}

/** The [min, max] bytes of the runtime/metrics allocs-by-size bucket of a class (max null: large). */
export function sizeBucket(sc: SizeClasses, sizeClass: number): { min: number; max: number | null } {
  if (sizeClass === 0) return { min: sc.maxSmallSize + 1, max: null };
  return { min: sc.classToSize[sizeClass - 1] + 1, max: sc.classToSize[sizeClass] };
}
