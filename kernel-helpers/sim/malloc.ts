/**
 * mallocgc's paths (zero, tiny, small, large) and the mcache's tiny block, per version:
 * 1.19.8 runtime/malloc.go mallocgc; 1.26.8 runtime/malloc.go mallocgc, mallocgcTiny,
 * mallocgcSmallNoscan, mallocgcSmallScanNoHeader, mallocgcSmallScanHeader, mallocgcLarge;
 * 1.27.3 the same paths through the size-specialised functions of malloc_generated.go.
 *
 * Counting follows MemStats: Mallocs counts every mallocgc call with size > 0, tiny ones included
 * (mcache.tinyAllocs); TotalAlloc counts whole slots (a new tiny block as 16 bytes, an allocation
 * inside an existing block as 0) and whole pages for large objects.
 */
import { InputError } from "../errors";
import { simMessages } from "../messages";
import { AllocationRecord } from "../result";
import { pageSize, sizeClassOf } from "./sizeclasses";
import { VersionModel } from "./versions";

/** Requests from 1 TiB up: true to the model, but no machine of today would survive them. */
const HUGE = 2 ** 40;

/** The allocations of one run of one case, and the tiny block state they share. */
export class Heap {
  /** Every mallocgc call, in order; null when only counting (the seeds of a random case). */
  readonly records: AllocationRecord[] | null;
  /** Calls with size > 0 (MemStats.Mallocs). */
  mallocs = 0;
  /** Every call, size 0 included. */
  calls = 0;
  /** Sum of requested sizes. */
  bytes = 0;
  /** Sum of sizes taken (MemStats.TotalAlloc). */
  allocated = 0;
  /** Tiny allocations that fit in an existing block (/gc/heap/tiny/allocs:objects). */
  tinyInBlock = 0;
  /** True once an allocation depended on the hash seed. */
  hashDependent = false;
  /** Decisions that allocated nothing (stack placement and the like), for the reader. */
  readonly notes: string[] = [];
  /**
   * The probe's harness calls runtime.ReadMemStats right before each case, which flushes the
   * mcache (mcache.releaseAll drops c.tiny): every case starts without a tiny block.
   */
  private tiny = false;
  private tinyOffset = 0;
  private lastWhy = "";
  private lastHow = "";
  private lastText = "";

  constructor(readonly version: VersionModel, recording: boolean, private readonly maxRecords = Infinity) {
    this.records = recording ? [] : null;
  }

  /** Refuses, before the work starts, a run that would make more than maxRecords allocations. */
  expect(count: number): void {
    if (count > this.maxRecords) throw new InputError(simMessages.tooManyAllocations(count, this.maxRecords), String(count));
  }

  /** Notes a decision that allocates nothing. */
  note(text: string): void {
    if (this.records) this.notes.push(text);
  }

  /**
   * One mallocgc(size, typ, needzero) call; `noscan` when the type holds no pointers (or typ is
   * nil). Returns the bytes taken.
   */
  malloc(size: number, noscan: boolean, site: string, why: string, random = false): number {
    const v = this.version;
    const sc = v.sizeClasses;
    if (++this.calls > this.maxRecords) this.expect(this.calls);
    let rounded = 0;
    let sizeClass = 0;
    let path: AllocationRecord["path"];
    let header = 0;
    let tinyAt = -1;
    if (size === 0) {
      // mallocgc: `if size == 0 { return unsafe.Pointer(&zerobase) }`
      path = "zero";
    } else if (size <= v.malloc.maxSmall) {
      if (noscan && size < v.malloc.tinySize) {
        path = "tiny";
        sizeClass = 2;
        // mallocgcTiny: align the offset for the size, then fit it in the current block or take a new one.
        let off = this.tinyOffset;
        if (size % 8 === 0) off = Math.ceil(off / 8) * 8;
        else if (size % 4 === 0) off = Math.ceil(off / 4) * 4;
        else if (size % 2 === 0) off = Math.ceil(off / 2) * 2;
        if (this.tiny && off + size <= v.malloc.tinySize) {
          this.tinyOffset = off + size;
          this.tinyInBlock++;
          tinyAt = off;
        } else {
          rounded = v.malloc.tinySize;
          // Keep the new block if it has more room left than the old one.
          if (size < this.tinyOffset || !this.tiny) {
            this.tiny = true;
            this.tinyOffset = size;
          }
        }
      } else {
        path = "small";
        const h = v.malloc.headers;
        header = h !== null && !noscan && size > h.above ? h.size : 0;
        sizeClass = sizeClassOf(sc, size + header);
        rounded = sc.classToSize[sizeClass];
      }
    } else {
      // mcache.allocLarge: whole pages, `npages := size >> _PageShift` plus one for a remainder.
      path = "large";
      const page = pageSize(sc);
      rounded = Math.ceil(size / page) * page;
    }
    if (size > 0) this.mallocs++;
    this.bytes += size;
    this.allocated += rounded;
    if (random) this.hashDependent = true;
    if (this.records) {
      let how = describe(v, path, size, rounded, sizeClass, header, noscan, tinyAt);
      if (size > 0 && size <= v.malloc.sizeSpecialized) how += SPECIALISED;
      // Runs of alike allocations (a NewMap of many tables) share one explanation string.
      if (why !== this.lastWhy || how !== this.lastHow) {
        this.lastWhy = why;
        this.lastHow = how;
        this.lastText = `${why}; ${how}`;
      }
      const r: AllocationRecord = { size, rounded, sizeClass, path, noscan, site, why: this.lastText };
      if (random) r.random = true;
      this.records.push(r);
    }
    return rounded;
  }
}

const SPECIALISED = " (through the size-specialised mallocgc of malloc_generated.go)";

/** Explanations of small-object paths, by version and (class, header, noscan): built once each. */
const smallTexts = new Map<VersionModel, string[]>();

/** How mallocgc served a request, in words. */
function describe(v: VersionModel, path: AllocationRecord["path"], size: number, rounded: number, sizeClass: number, header: number, noscan: boolean, tinyAt: number): string {
  switch (path) {
    case "zero":
      return "size 0: mallocgc returns &zerobase and takes no memory (not counted in Mallocs)";
    case "tiny":
      return tinyAt >= 0
        ? `tiny allocator (noscan, under ${v.malloc.tinySize} B): fits in the current 16-byte block at offset ${tinyAt}, no new memory`
        : `tiny allocator (noscan, under ${v.malloc.tinySize} B): takes a new 16-byte block (size class 2)`;
    case "small": {
      let texts = smallTexts.get(v);
      if (!texts) smallTexts.set(v, (texts = []));
      const key = sizeClass * 4 + (header ? 2 : 0) + (noscan ? 1 : 0);
      return (texts[key] ??= header
        ? `small object + ${header}-byte malloc header (scan, over ${v.malloc.headers!.above} B) → size class ${sizeClass} (${rounded} B)`
        : `small object: size class ${sizeClass} (${rounded} B)${noscan ? ", noscan" : ""}`);
    }
    case "large": {
      const page = pageSize(v.sizeClasses);
      const pages = rounded / page;
      const text = `large object (over ${v.malloc.maxSmall} B): ${pages} page${pages === 1 ? "" : "s"} of ${page / 1024} KiB from the heap`;
      return size >= HUGE ? `${text} (a real machine would most likely stop here with "fatal error: out of memory")` : text;
    }
  }
}

/**
 * roundupsize: the bytes mallocgc will really hand out for a request, as growslice,
 * makeBucketArray and the 1.26 stack-buffer helpers ask for it. 1.19.8 runtime/msize.go
 * roundupsize(size); 1.26.8 runtime/msize.go roundupsize(size, noscan), which leaves room for the
 * malloc header and returns the usable size.
 */
export function roundupsize(v: VersionModel, size: number, noscan: boolean): number {
  const sc = v.sizeClasses;
  const page = pageSize(sc);
  if (v.malloc.headers === null) {
    if (size < sc.maxSmallSize) return size === 0 ? 0 : sc.classToSize[sizeClassOf(sc, size)];
    return Math.ceil(size / page) * page;
  }
  if (size <= v.malloc.maxSmall) {
    const h = v.malloc.headers;
    const req = !noscan && size > h.above ? size + h.size : size;
    if (req === 0) return 0;
    return sc.classToSize[sizeClassOf(sc, req)] - (req - size);
  }
  return Math.ceil(size / page) * page;
}
