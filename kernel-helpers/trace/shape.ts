/**
 * What an allocation the tracer saw takes from the heap: its path (zero, tiny, small, large), size
 * class and rounded size. The tracer observes size and type; this applies the runtime's own rules
 * to them, with the size-class tables read from the traced toolchain's sources
 * (runtime/sizeclasses.go in 1.19, internal/runtime/gc/sizeclasses.go from 1.24), so a version the
 * lab has never seen still classifies by its own tables.
 *
 * Rounded sizes follow MemStats.TotalAlloc, so that their sum over a case can be compared with
 * measure's allocatedBytes: a tiny allocation that fits the current 16-byte block takes 0 bytes,
 * one that opens a new block takes 16 (runtime/malloc.go mallocgcTiny, or mallocgcTinySC2 /
 * mallocgcTinySize<n> with size-specialised malloc); every case starts without a block, because
 * the probe's ReadMemStats flushes the mcache (mcache.releaseAll drops c.tiny) right before it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError } from "../errors";
import { traceMessages } from "../messages";
import { AllocationRecord } from "../result";

/** One toolchain's size classes and the malloc rules that depend on the version. */
export interface MallocRules {
  classToSize: number[];
  sizeToClass8: number[];
  sizeToClass128: number[];
  smallSizeDiv: number;
  smallSizeMax: number;
  largeSizeDiv: number;
  pageSize: number;
  /** maxTinySize (runtime/malloc.go): noscan requests below it use the tiny allocator. */
  tinySize: number;
  /**
   * Largest small object: `size <= maxSmallSize` in 1.19; `size <= maxSmallSize-mallocHeaderSize`
   * once malloc headers exist (Go 1.22, runtime/malloc.go mallocgc).
   */
  maxSmall: number;
  /** Scan objects above `above` bytes carry a `size`-byte malloc header (Go 1.22 on); null before. */
  header: { size: number; above: number } | null;
}

const SOURCES = ["src/internal/runtime/gc/sizeclasses.go", "src/runtime/sizeclasses.go"];

function numbers(source: string, names: string[], file: string): number[] {
  const re = new RegExp(`var (?:${names.join("|")}) = \\[[^\\]]*\\]uint\\d+\\{([^}]*)\\}`);
  const m = re.exec(source);
  if (!m) throw new GolabError(traceMessages.noSizeClasses(file, names[0]));
  return m[1].split(",").map((s) => Number(s.trim()));
}

function constant(source: string, names: string[], file: string): number {
  const m = new RegExp(`^\\s*(?:${names.join("|")})\\s*=\\s*(\\d+)\\s*$`, "m").exec(source);
  if (!m) throw new GolabError(traceMessages.noSizeClasses(file, names[0]));
  return Number(m[1]);
}

const cache = new Map<string, MallocRules>();

/** The malloc rules of the toolchain at `goroot`, version `version` ("1.26.8"). */
export function mallocRules(goroot: string, version: string): MallocRules {
  const key = `${goroot}|${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = SOURCES.map((s) => path.join(goroot, s)).find((f) => fs.existsSync(f));
  if (!file) throw new GolabError(traceMessages.noSizeClasses(path.join(goroot, SOURCES[1]), "the file"));
  const src = fs.readFileSync(file, "utf8");
  const minor = Number(/^1\.(\d+)/.exec(version)?.[1] ?? 0);
  const maxSmallSize = constant(src, ["_MaxSmallSize", "MaxSmallSize"], file);
  const rules: MallocRules = {
    classToSize: numbers(src, ["class_to_size", "SizeClassToSize"], file),
    sizeToClass8: numbers(src, ["size_to_class8", "SizeToSizeClass8"], file),
    sizeToClass128: numbers(src, ["size_to_class128", "SizeToSizeClass128"], file),
    smallSizeDiv: constant(src, ["smallSizeDiv", "SmallSizeDiv"], file),
    smallSizeMax: constant(src, ["smallSizeMax", "SmallSizeMax"], file),
    largeSizeDiv: constant(src, ["largeSizeDiv", "LargeSizeDiv"], file),
    pageSize: 2 ** constant(src, ["_PageShift", "PageShift"], file),
    tinySize: 16,
    // internal/runtime/gc/malloc.go (1.26): MallocHeaderSize = 8, MinSizeForMallocHeader = PtrSize*PtrBits = 512.
    maxSmall: minor >= 22 ? maxSmallSize - 8 : maxSmallSize,
    header: minor >= 22 ? { size: 8, above: 512 } : null,
  };
  cache.set(key, rules);
  return rules;
}

/** The tiny block of the probe goroutine's mcache, as the tiny allocator moves it. */
export class TinyBlock {
  private open = false;
  private offset = 0;

  /** A fresh mcache: no block (ReadMemStats before each case). */
  reset(): void {
    this.open = false;
    this.offset = 0;
  }

  /** Places `size` bytes; returns the bytes newly taken: 0 inside the block, `blockSize` for a new one. */
  place(size: number, blockSize: number): number {
    let off = this.offset;
    if (size % 8 === 0) off = Math.ceil(off / 8) * 8;
    else if (size % 4 === 0) off = Math.ceil(off / 4) * 4;
    else if (size % 2 === 0) off = Math.ceil(off / 2) * 2;
    if (this.open && off + size <= blockSize) {
      this.offset = off + size;
      return 0;
    }
    // A new block replaces the old one only if it has more room left (`size < c.tinyoffset`).
    if (!this.open || size < this.offset) {
      this.open = true;
      this.offset = size;
    }
    return blockSize;
  }
}

/** Path, size class and rounded size of one allocation of `size` bytes. */
export function classify(size: number, noscan: boolean, rules: MallocRules, tiny: TinyBlock): Pick<AllocationRecord, "path" | "rounded" | "sizeClass"> {
  if (size === 0) return { path: "zero", rounded: 0, sizeClass: 0 };
  if (size <= rules.maxSmall) {
    if (noscan && size < rules.tinySize) return { path: "tiny", rounded: tiny.place(size, rules.tinySize), sizeClass: 2 };
    const header = rules.header && !noscan && size > rules.header.above ? rules.header.size : 0;
    const n = size + header;
    const sizeClass = n <= rules.smallSizeMax - 8
      ? rules.sizeToClass8[Math.ceil(n / rules.smallSizeDiv)]
      : rules.sizeToClass128[Math.ceil((n - rules.smallSizeMax) / rules.largeSizeDiv)];
    return { path: "small", rounded: rules.classToSize[sizeClass], sizeClass };
  }
  return { path: "large", rounded: Math.ceil(size / rules.pageSize) * rules.pageSize, sizeClass: 0 };
}
