/**
 * simulate: the embedded default backend. A pure model of what a case allocates on a Go version
 * (no Go, no I/O), explaining every allocation; where the runtime depends on the per-map hash
 * seed, the model runs over many seeds and returns the distribution of mallocs.
 */
import { Case, isMapOp, isStringOp, MapOpCase, ObjectCase, OPERATIONS, parseCase, StringOpCase } from "../case";
import { InputError } from "../errors";
import { codeMessages, simMessages } from "../messages";
import { AllocationRecord, AllocResult, Distribution, distributionOf } from "../result";
import { Heap } from "./malloc";
import { simulateMakeMap, simulateMapInsert } from "./mapcase";
import { simulateMapOp } from "./map-ops";
import { simulateObject } from "./objects";
import { Rand } from "./random";
import { simulateAppend, simulateMakeSlice } from "./slice";
import { simulateStringOp } from "./string-ops";
import { buildModel, VersionModel } from "./versions";
import { workspace } from "./workspace";

/** Seeds a hash-dependent case runs over by default. */
export const DEFAULT_SEEDS = 200;
/** The Go version simulate models when none is given: the machine's own Go in ARCHITECTURE.md. */
export const DEFAULT_SIM_GO = "1.26";
/** Most inserts the model follows in one run. */
export const MAX_INSERTS = 20_000_000;
/** Most inserts × seeds for one case; beyond it a case runs over fewer seeds and says so. */
export const MAX_WORK = 20_000_000;
/** Most allocation records one result lists. */
export const MAX_RECORDS = 1_000_000;

/** Options of simulate. */
export interface SimulateOptions {
  /** "1.19", "1.26", "1.27" or a full modelled version. Default 1.26. */
  go?: string;
  /** Runs (hash seeds) for hash-dependent cases. Default 200. */
  seeds?: number;
  /** Model a build with -gcflags=all=-N -l, as the article's program is built. Default false. */
  debug?: boolean;
}

/** A simulated result's totals, without the allocation list (what a summary table needs). */
export interface SimCounts extends AllocResult {
  backend: "simulate";
  mallocgcCalls: number;
  bytes: number;
  allocatedBytes: number;
  /** Tiny allocations placed in an existing 16-byte block (/gc/heap/tiny/allocs:objects). */
  tinyAllocs: number;
  /** Modelled a -gcflags=all=-N -l build. */
  debug: boolean;
  /** True when what is allocated depends on the per-map hash seed (then `distribution` is present). */
  hashDependent: boolean;
}

/** A simulated result: the shared result shape, complete, plus what the model decided without allocating. */
export interface SimResult extends SimCounts {
  allocations: AllocationRecord[];
  /** Decisions that allocated nothing: stack placement, preallocated overflow buckets, ... */
  notes: string[];
}

/** Seeds must be a whole number from 1 to 100000. */
export function checkSeeds(seeds: unknown): number {
  if (typeof seeds === "number" && Number.isInteger(seeds) && seeds >= 1 && seeds <= 100_000) return seeds;
  throw new InputError(simMessages.badSeeds(seeds), String(seeds));
}

/**
 * What a case allocates on a modelled Go version, and why. Validates the case (JSON, object or
 * short form) and the options; an unmodelled version is an InputError naming the modelled ones.
 */
export function simulate(input: Case | string, { go = DEFAULT_SIM_GO, seeds = DEFAULT_SEEDS, debug = false }: SimulateOptions = {}): SimResult {
  const v = buildModel(go, debug);
  checkSeeds(seeds);
  return simulateWith(v, parseCase(input), seeds);
}

/** One run of a case with hash seed `seed`; `recording` keeps every allocation record. */
export function runSeed(v: VersionModel, c: Case, seed: number, recording: boolean): Heap {
  workspace.begin();
  const heap = new Heap(v, recording, MAX_RECORDS);
  switch (c.op) {
    case "makeslice":
      simulateMakeSlice(heap, c);
      break;
    case "append":
      simulateAppend(heap, c);
      break;
    case "makemap":
      simulateMakeMap(v, heap, c, new Rand(seed));
      break;
    case "mapinsert":
      simulateMapInsert(v, heap, c, new Rand(seed));
      break;
    case "code":
      // Every way into the model comes through here: user code is measured or traced, never modelled.
      throw new InputError(codeMessages.noSimulation(OPERATIONS), "code");
    default:
      if (isMapOp(c.op)) simulateMapOp(v, heap, c as MapOpCase, new Rand(seed));
      else if (isStringOp(c.op)) simulateStringOp(heap, c as StringOpCase);
      else simulateObject(heap, c as ObjectCase);
  }
  return heap;
}

/**
 * The trusting half of simulate: the case is valid, the version modelled, the seeds in range
 * (it still refuses more inserts than the model follows). Runs seed 0; when that run met the hash
 * seed, runs every seed, and reports the run whose mallocs is the median.
 */
export function simulateWith(v: VersionModel, c: Case, seeds: number): SimResult {
  const first = firstRun(v, c, true);
  if (!first.hashDependent) return resultOf(v, c, first, undefined);
  const { typical, distribution } = explore(v, c, seeds, true, first);
  return resultOf(v, c, typical, distribution);
}

/** simulateWith without the allocation list: the same totals, faster for long batches. */
export function simulateCounts(v: VersionModel, c: Case, seeds: number): SimCounts {
  const first = firstRun(v, c, false);
  if (!first.hashDependent) return countsOf(v, c, first, undefined);
  const { typical, distribution } = explore(v, c, seeds, false, first);
  return countsOf(v, c, typical, distribution);
}

/** Seed 0's run, which tells whether the case met the hash seed. */
function firstRun(v: VersionModel, c: Case, recording: boolean): Heap {
  if (c.op === "mapinsert" && c.n > MAX_INSERTS) throw new InputError(simMessages.tooManyInserts(c.n, MAX_INSERTS), String(c.n));
  return runSeed(v, c, 0, recording);
}

/** A hash-dependent case over every seed (seed 0's run given): the median run and the distribution. */
function explore(v: VersionModel, c: Case, seeds: number, recording: boolean, first: Heap): { typical: Heap; distribution: Distribution } {
  // A very large case runs over fewer seeds, and says so, rather than running for minutes.
  const runs = c.op === "mapinsert" ? Math.max(1, Math.min(seeds, Math.floor(MAX_WORK / Math.max(c.n, 1)))) : seeds;
  const heaps = [first];
  for (let s = 1; s < runs; s++) heaps.push(runSeed(v, c, s, false));
  const distribution = distributionOf(heaps.map((h) => h.mallocs));
  const pick = heaps.findIndex((h) => h.mallocs === distribution.median);
  const typical = pick === 0 || !recording ? heaps[pick] : runSeed(v, c, pick, true);
  if (runs < seeds) typical.note(simMessages.fewerSeeds(c.op === "mapinsert" ? c.n : 0, seeds, runs));
  return { typical, distribution };
}

function countsOf(v: VersionModel, c: Case, heap: Heap, distribution: Distribution | undefined): SimCounts {
  const counts: SimCounts = {
    go: v.go,
    goarch: "amd64",
    backend: "simulate",
    case: c,
    mallocs: heap.mallocs,
    mallocgcCalls: heap.calls,
    bytes: heap.bytes,
    allocatedBytes: heap.allocated,
    tinyAllocs: heap.tinyInBlock,
    debug: v.compiler.debug,
    hashDependent: distribution !== undefined,
  };
  if (distribution) counts.distribution = distribution;
  return counts;
}

/**
 * countsOf with the allocation list and the notes: the same fields in the same order, written
 * as one literal when there is no distribution (most cases), so the object is made at its final
 * shape rather than grown by three fields.
 */
function resultOf(v: VersionModel, c: Case, heap: Heap, distribution: Distribution | undefined): SimResult {
  // Writing out a few repeated records costs less than the accessor that would put them off.
  if (heap.unlisted >= LAZY_RECORDS) return lazyResult(countsOf(v, c, heap, distribution), heap);
  if (distribution) {
    const result = countsOf(v, c, heap, distribution) as SimResult;
    result.allocations = heap.records!;
    result.notes = heap.notes;
    return result;
  }
  return {
    go: v.go,
    goarch: "amd64",
    backend: "simulate",
    case: c,
    mallocs: heap.mallocs,
    mallocgcCalls: heap.calls,
    bytes: heap.bytes,
    allocatedBytes: heap.allocated,
    tinyAllocs: heap.tinyInBlock,
    debug: v.compiler.debug,
    hashDependent: false,
    allocations: heap.records!,
    notes: heap.notes,
  };
}

/**
 * From this many records still to write out, a result lists them when read (lazyResult); below
 * it, at once. (A NewMap of 64 tables or more.)
 */
const LAZY_RECORDS = 128;

/** Returns the object it is given, so that a subclass's fields are added to that object. */
class Stamp {
  constructor(o: object) {
    return o;
  }
}

/**
 * Gives a lazy result where its `allocations` come from, in a private field: no key, JSON,
 * spread or deep equality sees it, and adding it costs a store (Object.defineProperty of a
 * hidden symbol cost more than the list it saved). The heap until the list is read, then the list.
 */
class WithHeap extends Stamp {
  #source: Heap | AllocationRecord[];
  constructor(o: object, heap: Heap) {
    super(o);
    this.#source = heap;
  }

  /** The list of a lazy result, written out at the first call. */
  static list(o: object): AllocationRecord[] {
    const source = (o as WithHeap).#source;
    if (Array.isArray(source)) return source;
    const list = source.records!;
    (o as WithHeap).#source = list;
    return list;
  }

  /** A list given to a lazy result. */
  static set(o: object, list: AllocationRecord[]): void {
    (o as WithHeap).#source = list;
  }
}

/**
 * A lazy result's `allocations` from then on: a plain value, in its place. (A result frozen
 * before keeps the accessor, which answers the same list each time.)
 */
function settle(result: SimResult, value: AllocationRecord[]): AllocationRecord[] {
  try {
    Object.defineProperty(result, "allocations", { value, writable: true, enumerable: true, configurable: true });
  } catch {
    // not configurable any more (sealed or frozen): the accessor stays, over the same list
  }
  return value;
}

/**
 * `allocations` of a lazy result: the same two functions for every result, so the results share
 * their hidden classes (a closure each made a class each, and the collector's work tripled).
 */
const LAZY_ALLOCATIONS: PropertyDescriptor = {
  get(this: SimResult): AllocationRecord[] {
    return settle(this, WithHeap.list(this));
  },
  set(this: SimResult, value: AllocationRecord[]): void {
    WithHeap.set(this, value);
    settle(this, value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * The result of a run whose records repeat (NewMap's tables): `allocations` is an own,
 * enumerable property like any other, in its place, but its array is written out when it is
 * first read (JSON.stringify, a spread and deep equality read it too), and from then on it is a
 * plain value. Writing it sets a plain value.
 */
function lazyResult(counts: SimCounts, heap: Heap): SimResult {
  const result = counts as SimResult;
  new WithHeap(result, heap);
  Object.defineProperty(result, "allocations", LAZY_ALLOCATIONS);
  result.notes = heap.notes;
  return result;
}
