/**
 * The heap of one simulated run: every mallocgc call, counted and explained. Which path a call
 * takes (zero, tiny, small, large), its size class and the bytes it takes come from the
 * allocator's rules in alloc/malloc.ts, which the tracer applies too.
 *
 * Counting follows MemStats: Mallocs counts every mallocgc call with size > 0, tiny ones included
 * (mcache.tinyAllocs); TotalAlloc counts whole slots (a new tiny block as 16 bytes, an allocation
 * inside an existing block as 0) and whole pages for large objects.
 */
import { InputError } from "../errors";
import { simMessages } from "../messages";
import { AllocationRecord } from "../result";
import { allocate, newShape } from "../alloc/malloc";
import { AllocRules } from "../alloc/rules";
import { pageSize } from "../alloc/sizeclasses";
import { TinyBlock } from "../alloc/tiny";
import { VersionModel } from "./versions";

/** The one Shape every malloc call fills and reads at once: no allocation per call or per run. */
const SHAPE = newShape();

/** Given to allocate for a call that cannot be tiny, which never reads or moves it. */
const UNUSED_TINY = new TinyBlock();

/** Requests from 1 TiB up: true to the model, but no machine of today would survive them. */
const HUGE = 2 ** 40;

/** A heap's running totals, as `mark` keeps them. */
interface Totals {
  calls: number;
  mallocs: number;
  bytes: number;
  allocated: number;
  tinyCalls: number;
}

/** Before any mark: all zero, shared, never written. */
const NO_MARK: Readonly<Totals> = { calls: 0, mallocs: 0, bytes: 0, allocated: 0, tinyCalls: 0 };

/** The allocations of one run of one case, and the tiny block state they share. */
export class Heap {
  /**
   * Every mallocgc call, in order; null when only counting (the seeds of a random case). Calls
   * made again by repeatMarked are listed here, when first read (see `repeats`).
   */
  get records(): AllocationRecord[] | null {
    if (this.repeats !== null) this.expand();
    if (this.keep && this.list === null) this.list = [];
    return this.list;
  }
  /** True when every call is listed with its explanation. */
  private readonly keep: boolean;
  /**
   * The records so far; made with the first (most runs list one or two, and an array made empty
   * took room for 17 at its first push).
   */
  private list: AllocationRecord[] | null = null;
  /**
   * repeatMarked's runs not yet written into `list`, as [at, calls, times]: after list[at - 1]
   * come `times` more copies of the `calls` records that end there. A NewMap of 2048 tables makes
   * 4096 records of which two differ; the list is written out when `records` is first read, so
   * a caller that wants only the totals never pays for it. Null when there are none.
   */
  private repeats: number[] | null = null;
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
  private tiny: TinyBlock | null = null;
  private lastWhy = "";
  private lastHow = "";
  private lastText = "";
  /** Calls that took the tiny path (each moves the block, so none can be repeated as is). */
  private tinyCalls = 0;
  /**
   * The totals when `mark` was called: repeatMarked makes the calls since then again. Made by
   * the first mark (only a NewMap of several tables marks; every heap carried five fields for it).
   */
  private marked: Totals = NO_MARK;

  constructor(readonly version: VersionModel, recording: boolean, private readonly maxRecords = Infinity) {
    this.keep = recording;
  }

  /** Refuses, before the work starts, a run that would make more than maxRecords allocations. */
  expect(count: number): void {
    if (count > this.maxRecords) throw new InputError(simMessages.tooManyAllocations(count, this.maxRecords), String(count));
  }

  /** True when every call is kept with its explanation: callers build `why` texts only then. */
  get recording(): boolean {
    return this.keep;
  }

  /** Notes a decision that allocates nothing. */
  note(text: string): void {
    if (this.keep) this.notes.push(text);
  }

  /**
   * One mallocgc(size, typ, needzero) call; `noscan` when the type holds no pointers (or typ is
   * nil). Returns the bytes taken.
   */
  malloc(size: number, noscan: boolean, site: string, why: string, random = false): number {
    const v = this.version;
    if (++this.calls > this.maxRecords) this.expect(this.calls);
    const shape = SHAPE;
    // The block is made by the first call that may be tiny (noscan, under tinySize; allocate reads
    // it for no other call): most runs never make one.
    const tiny = noscan && size < v.malloc.tinySize ? (this.tiny ??= new TinyBlock()) : UNUSED_TINY;
    const path = allocate(v.malloc, tiny, size, noscan, shape);
    const rounded = shape.rounded;
    if (path === "tiny") {
      this.tinyCalls++;
      if (shape.tinyAt >= 0) this.tinyInBlock++;
    }
    if (size > 0) this.mallocs++;
    this.bytes += size;
    this.allocated += rounded;
    if (random) this.hashDependent = true;
    if (this.keep) {
      const sizeClass = shape.sizeClass;
      const how = describe(v.malloc, path, size, rounded, sizeClass, shape.header, noscan, shape.tinyAt);
      // Runs of alike allocations (a NewMap of many tables) share one explanation string.
      if (why !== this.lastWhy || how !== this.lastHow) {
        this.lastWhy = why;
        this.lastHow = how;
        this.lastText = `${why}; ${how}`;
      }
      const r: AllocationRecord = { size, rounded, sizeClass, path, noscan, site, why: this.lastText };
      if (random) r.random = true;
      if (this.list === null) this.list = [r];
      else this.list.push(r);
    }
    return rounded;
  }

  /** Starts a run of calls that repeatMarked can make again (the totals now, kept; no per-call work). */
  mark(): void {
    if (this.marked === NO_MARK) this.marked = { calls: 0, mallocs: 0, bytes: 0, allocated: 0, tinyCalls: 0 };
    const m = this.marked;
    m.calls = this.calls;
    m.mallocs = this.mallocs;
    m.bytes = this.bytes;
    m.allocated = this.allocated;
    m.tinyCalls = this.tinyCalls;
  }

  /**
   * Makes the mallocgc calls since `mark` again `times` times, in the same order, as mallocgc
   * would (NewMap's table and groups, once per table of a large directory): their records are
   * shared, not rebuilt. Returns false, having done nothing, when one of them was tiny (the block
   * moves, so a repeat would not be alike): the caller then makes the calls one by one.
   */
  repeatMarked(times: number): boolean {
    const m = this.marked;
    if (this.tinyCalls !== m.tinyCalls || times <= 0) return times <= 0;
    const calls = this.calls - m.calls;
    if (this.calls + calls * times > this.maxRecords) this.expect(this.calls + calls * times);
    // Without a tiny call the calls are alike each time: their totals grow by the same amounts.
    this.mallocs += (this.mallocs - m.mallocs) * times;
    this.bytes += (this.bytes - m.bytes) * times;
    this.allocated += (this.allocated - m.allocated) * times;
    this.calls += calls * times;
    // The records are written out when first read (expand): the run ends at the list's end now.
    if (this.list) (this.repeats ??= []).push(this.list.length, calls, times);
    return true;
  }

  /** Records repeatMarked made that `records` has still to write out (reading it writes them). */
  get unlisted(): number {
    const runs = this.repeats;
    let n = 0;
    if (runs !== null) for (let i = 0; i < runs.length; i += 3) n += runs[i + 1] * runs[i + 2];
    return n;
  }

  /**
   * Writes repeatMarked's runs into the list: a new array of the final length, filled once
   * (pushing one by one regrew and copied it, and growing the old one kept half as much again in
   * spare room).
   */
  private expand(): void {
    const runs = this.repeats!;
    this.repeats = null;
    const old = this.list!;
    let length = old.length;
    for (let i = 0; i < runs.length; i += 3) length += runs[i + 1] * runs[i + 2];
    const records = new Array<AllocationRecord>(length);
    let from = 0; // next record of `old` to copy
    let to = 0;
    for (let i = 0; i < runs.length; i += 3) {
      const at = runs[i];
      const calls = runs[i + 1];
      const end = to + (at - from) + calls * runs[i + 2];
      while (from < at) records[to++] = old[from++];
      for (let k = 0; k < calls; k++) {
        const r = records[to - calls + k];
        for (let j = to + k; j < end; j += calls) records[j] = r;
      }
      to = end;
    }
    while (from < old.length) records[to++] = old[from++];
    this.list = records;
  }
}

const SPECIALISED = " (through the size-specialised mallocgc of malloc_generated.go)";

/**
 * Explanations of the tiny and small paths, by version's rules and (class, header, noscan,
 * size-specialised) or tiny offset: built once each, so alike calls share one string (and compare
 * by identity when the heap looks for a run of them).
 */
class TextsByRules {
  private readonly byRules = new Map<AllocRules, string[]>();
  /** The last rules asked for and their texts: a batch asks for one version case after case. */
  private lastRules: AllocRules | null = null;
  private lastTexts: string[] = [];

  of(rules: AllocRules): string[] {
    if (rules === this.lastRules) return this.lastTexts;
    let texts = this.byRules.get(rules);
    if (!texts) this.byRules.set(rules, (texts = []));
    this.lastRules = rules;
    this.lastTexts = texts;
    return texts;
  }
}

const smallTexts = new TextsByRules();
const tinyTexts = new TextsByRules();

/** The words around a large object's page count, by version's rules (a large call built them each time). */
const largeTexts = new Map<AllocRules, { page: number; prefix: string; pages: string; one: string }>();

function largeTextsOf(rules: AllocRules): { page: number; prefix: string; pages: string; one: string } {
  const page = pageSize(rules.sizeClasses);
  const prefix = `large object (over ${rules.maxSmall} B): `;
  const texts = { page, prefix, pages: ` pages of ${page / 1024} KiB from the heap`, one: `${prefix}1 page of ${page / 1024} KiB from the heap` };
  largeTexts.set(rules, texts);
  return texts;
}

/** How mallocgc served a request, in words. */
function describe(rules: AllocRules, path: AllocationRecord["path"], size: number, rounded: number, sizeClass: number, header: number, noscan: boolean, tinyAt: number): string {
  // Sizes up to sizeSpecialized reach mallocgc's size-specialised functions (size 0 returns first).
  const specialised = size > 0 && size <= rules.sizeSpecialized;
  const via = specialised ? SPECIALISED : "";
  switch (path) {
    case "zero":
      return "size 0: mallocgc returns &zerobase and takes no memory (not counted in Mallocs)";
    case "tiny":
      return (tinyTexts.of(rules)[(tinyAt + 1) * 2 + (specialised ? 1 : 0)] ??= tinyAt >= 0
        ? `tiny allocator (noscan, under ${rules.tinySize} B): fits in the current 16-byte block at offset ${tinyAt}, no new memory${via}`
        : `tiny allocator (noscan, under ${rules.tinySize} B): takes a new 16-byte block (size class 2)${via}`);
    case "small": {
      const key = (sizeClass * 4 + (header ? 2 : 0) + (noscan ? 1 : 0)) * 2 + (specialised ? 1 : 0);
      return (smallTexts.of(rules)[key] ??= header
        ? `small object + ${header}-byte malloc header (scan, over ${rules.headers!.above} B) → size class ${sizeClass} (${rounded} B)${via}`
        : `small object: size class ${sizeClass} (${rounded} B)${noscan ? ", noscan" : ""}${via}`);
    }
    case "large": {
      // Over maxSmall: never size-specialised.
      const t = (largeTexts.get(rules) ?? largeTextsOf(rules));
      const pages = rounded / t.page;
      const text = pages === 1 ? t.one : `${t.prefix}${pages}${t.pages}`;
      return size >= HUGE ? `${text} (a real machine would most likely stop here with "fatal error: out of memory")` : text;
    }
  }
}
