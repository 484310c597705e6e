/**
 * The chapter 2.4 experiment. The article sets breakpoints on `runtime.sysAlloc`,
 * `runtime.(*mcache).allocLarge` and `runtime.growWork`, reports their hit frequency as low,
 * medium and high, and says growWork is "caused by GC marking". Here each is counted, under a
 * chosen workload, on the real runtime of each version: over the whole run (start-up, warm-up and
 * the cases, every goroutine) and inside each case's window on the probe goroutine; and one stack
 * of each function's first hit shows who calls it. The probe runs with the GC off
 * (debug.SetGCPercent(-1), probe/harness.ts), which is itself a test of "caused by GC marking".
 *
 * What each function really is, from the sources of the versions the lab runs:
 */
import * as path from "node:path";
import { Case } from "../case";
import { BreakpointHit, Frame, HitCounts } from "../dlv";
import { GolabError } from "../errors";
import { findToolchain, Toolchain } from "../go";
import { admitCases, BuildInfo, DEFAULT_MEM_CAP } from "../measure";
import { traceMessages } from "../messages";
import { NEVER_STOP } from "./count";
import { runSession, Session, walkMarkers } from "./session";
import type { TraceOptions } from "./trace";

export type Family = "sysAlloc" | "allocLarge" | "growWork";

/** A runtime function the experiment counts, with what it is. */
export interface RuntimeFunction {
  family: Family;
  /** As Delve names it: runtime.(*mcache).allocLarge. */
  name: string;
  /** Where it is defined, relative to GOROOT/src, and in which versions. */
  source: string;
  what: string;
}

/** The functions of each family, across the versions the lab runs; absent ones are reported as absent. */
export const RUNTIME_FUNCTIONS: readonly RuntimeFunction[] = [
  {
    family: "sysAlloc", name: "runtime.sysAlloc", source: "runtime/mem.go (1.19, 1.26, 1.27)",
    what: "asks the OS for memory that is not heap (runtime metadata: span structures, GC bitmaps, persistentalloc chunks), through sysAllocOS (mmap); not called for heap objects",
  },
  {
    family: "sysAlloc", name: "runtime.(*mheap).sysAlloc", source: "runtime/malloc.go (1.19, 1.26, 1.27)",
    what: "reserves address space for new heap arenas (64 MiB on linux/amd64) when the heap must grow past what it already reserved; arenas are never given back, so after a heap has grown once it is rarely called again",
  },
  {
    family: "sysAlloc", name: "runtime.(*mheap).grow", source: "runtime/mheap.go (1.19, 1.26, 1.27)",
    what: "adds pages to the heap when no free span is big enough; calls (*mheap).sysAlloc only when the reserved arenas run out",
  },
  {
    family: "allocLarge", name: "runtime.(*mcache).allocLarge", source: "runtime/mcache.go (1.19, 1.26, 1.27)",
    what: "allocates the span of one large object (over 32 KiB): whole pages from the heap, under the heap lock; called exactly once per large allocation",
  },
  {
    family: "allocLarge", name: "runtime.mallocgcLarge", source: "runtime/malloc.go (1.26, 1.27)",
    what: "mallocgc's large-object path, which calls (*mcache).allocLarge (in 1.19 that code is inline in mallocgc)",
  },
  ...["", "_fast32", "_fast64", "_faststr"].map((suffix): RuntimeFunction => ({
    family: "growWork", name: `runtime.growWork${suffix}`, source: `runtime/map${suffix}.go (1.19 only)`,
    what: "a classic (bucket) map's incremental growth: while a map grows, each insert or delete first evacuates one or two old buckets into the new bucket array; called from mapassign/mapdelete, never by the garbage collector",
  })),
  {
    family: "growWork", name: "runtime.hashGrow", source: "runtime/map.go (1.19 only)",
    what: "starts a classic map's growth: allocates the new bucket array (twice the size, or the same size to drop overflow buckets); growWork then moves the entries over",
  },
  {
    family: "growWork", name: "internal/runtime/maps.(*table).rehash", source: "internal/runtime/maps/table.go (1.26, 1.27)",
    what: "a Swiss map table that is full grows all at once (to a bigger table, or by splitting): Swiss maps have no incremental evacuation and no growWork",
  },
  {
    family: "growWork", name: "internal/runtime/maps.(*table).grow", source: "internal/runtime/maps/table.go (1.26, 1.27)",
    what: "copies every entry of a table into a new table of twice the capacity, in one go",
  },
  {
    family: "growWork", name: "internal/runtime/maps.(*table).split", source: "internal/runtime/maps/table.go (1.26, 1.27)",
    what: "splits a table that reached its maximum size (1024 slots) into two tables, growing the map's directory",
  },
  {
    family: "growWork", name: "internal/runtime/maps.(*Map).growToTable", source: "internal/runtime/maps/map.go (1.26, 1.27)",
    what: "turns a small map (one group of 8 slots) into a full table when the 9th key arrives",
  },
];

/** The default workload: map growth, large objects, slice growth through large sizes, heap growth. */
export const DEFAULT_WORKLOAD: readonly string[] = [
  '{"op":"mapinsert","key":"int","elem":"int","n":100000}',
  '{"op":"makeslice","elem":"byte","len":1048576}',
  '{"op":"append","elem":"int","n":100000,"start":"nil"}',
  '{"op":"makeslice","elem":"byte","len":268435456}',
];

/** One function's hit counts. */
export interface RuntimeHits extends RuntimeFunction {
  /** False when the binary has no such function (another version's name, or linked out). */
  present: boolean;
  /** Hits over the whole run, every goroutine: start-up, warm-up calls and the cases. */
  wholeRun: number;
  /** Hits inside each case's window on the probe goroutine. */
  perCase: number[];
  /** The stack of its first hit, innermost first ("function (file:line)"). */
  firstStack: string[];
}

export interface Experiment24Result {
  go: string;
  goarch: string;
  workload: Case[];
  /** Always true: the probe turns the GC off, so no hit here comes from GC marking. */
  gcOff: true;
  functions: RuntimeHits[];
  build: BuildInfo;
  delve: { path: string; version: string };
}

/** The tracer's options, less what the experiment decides itself (it counts; stacks are its own). */
export type Experiment24Options = Omit<TraceOptions, "mode" | "stack">;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function present(s: Pick<Session, "client">): Promise<Set<string>> {
  const filter = `^(${RUNTIME_FUNCTIONS.map((f) => escapeRe(f.name)).join("|")})$`;
  return new Set(await s.client.listFunctions(filter));
}

function frameText(f: Frame, goroot: string): string {
  const src = `${goroot}/src/`;
  return `${f.function} (${f.file.startsWith(src) ? f.file.slice(src.length) : path.basename(f.file)}:${f.line})`;
}

/** Runs the chapter 2.4 experiment on one Go version: hit counts, then one stack per function. */
export async function experiment24(workload: readonly (Case | string)[] = DEFAULT_WORKLOAD, options: Experiment24Options = {}): Promise<Experiment24Result> {
  const { go, debug = false, goexperiment, memCap = DEFAULT_MEM_CAP, timeoutMs = 600_000, signal, onProgress } = options;
  const cases = admitCases(workload, memCap);
  const tc = await findToolchain(go, { goexperiment });
  return experiment24With(tc, cases, { debug, timeoutMs, signal, onProgress });
}

/** The trusting half of experiment24. */
export async function experiment24With(
  tc: Toolchain, cases: readonly Case[],
  { debug, timeoutMs, signal, onProgress }: { debug: boolean; timeoutMs: number; signal?: AbortSignal; onProgress?: (m: string) => void },
): Promise<Experiment24Result> {
  // Pass 1: counts. Breakpoints set before the program starts, never stopping.
  const ids = new Map<number, string>();
  let names = new Set<string>();
  const counted = await runSession(tc, cases, {
    debug, timeoutMs, signal, onProgress,
    setup: async (client) => {
      names = await present({ client });
      for (const name of names) ids.set((await client.createBreakpoint({ function: name, hitCondition: NEVER_STOP })).id, name);
    },
  }, async (s) => {
    const perCase = new Map<string, number[]>([...names].map((n) => [n, []]));
    const snapshot = async () => new Map((await s.client.listBreakpoints()).map((h): [number, HitCounts] => [h.id, h]));
    const onG = (h: HitCounts | undefined) => h?.byGoroutine.get(s.goroutine) ?? 0;
    let before = new Map<number, HitCounts>();
    let last = before;
    await walkMarkers(s, {
      onBegin: async () => {
        before = await snapshot();
      },
      onEnd: async () => {
        last = await snapshot();
        for (const [id, name] of ids) perCase.get(name)!.push(onG(last.get(id)) - onG(before.get(id)));
      },
      onHit: async (hit) => {
        throw new GolabError(traceMessages.unexpectedStop("a marker", `breakpoint ${hit.breakpointId} in ${hit.function}`));
      },
    });
    const wholeRun = new Map([...ids].map(([id, name]) => [name, last.get(id)?.total ?? 0]));
    return { perCase, wholeRun, build: { gcflags: s.built.gcflags, debug, goexperiment: tc.goexperiment, goos: tc.goos, cached: s.built.cached }, delve: { path: s.delve.path, version: s.delve.version } };
  });
  // Pass 2: the first hit of each function stops once ("== 1"), with its stack.
  const firstStacks = new Map<string, string[]>();
  const sampleIds = new Map<number, string>();
  const sample = async (hit: BreakpointHit) => {
    const name = sampleIds.get(hit.breakpointId);
    if (name && !firstStacks.has(name)) firstStacks.set(name, hit.stack.map((f) => frameText(f, tc.goroot)));
  };
  await runSession(tc, cases, {
    debug, timeoutMs, signal,
    setup: async (client) => {
      for (const name of names) sampleIds.set((await client.createBreakpoint({ function: name, hitCondition: "== 1", stack: 10 })).id, name);
    },
    onEarlyHit: sample,
  }, (s) => walkMarkers(s, { onHit: sample }));
  return {
    go: tc.version,
    goarch: tc.goarch,
    workload: [...cases],
    gcOff: true,
    functions: RUNTIME_FUNCTIONS.map((f): RuntimeHits => ({
      ...f,
      present: names.has(f.name),
      wholeRun: counted.wholeRun.get(f.name) ?? 0,
      perCase: counted.perCase.get(f.name) ?? cases.map(() => 0),
      firstStack: firstStacks.get(f.name) ?? [],
    })),
    build: counted.build,
    delve: counted.delve,
  };
}
