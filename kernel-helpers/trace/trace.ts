/**
 * trace: the third backend. Runs the probe program that measure runs, under Delve, and records
 * every heap allocation between probeBegin(c) and probeEnd(c) on the probe goroutine: in count
 * mode the numbers only (fast: eBPF uprobes, or breakpoints that never return to the lab), in detail mode
 * each allocation's size, type, runtime caller and stack. The result has measure's shape (same
 * go, goarch, case, mallocs, build) with backend "trace".
 */
import { Case, DEFAULT_CODE_NAME } from "../case";
import { inUserTermsAll, LineSummary, summarizeLines } from "../code/lines";
import { inUserTermsOnFailure } from "../code/failure";
import { generateProbe, PROBE_MODULE } from "../probe";
import { InputError } from "../errors";
import { findToolchain, languageVersion, Toolchain } from "../go";
import { admitCases, BuildInfo, DEFAULT_MEM_CAP } from "../measure";
import { traceMessages } from "../messages";
import { usableCpus } from "../proc";
import { AllocResult } from "../result";
import { CaseCounts, countAllocations } from "./count";
import { countWithUprobes, UprobeLossError, UprobesUnavailableError } from "./count-uprobes";
import { uprobesPay } from "./counter-choice";
import { detailAllocations, TraceAllocation } from "./detail";
import { EntryPlan, planEntries } from "./entrypoints";
import { runSession, Session, SessionTimings } from "./session";

export const TRACE_MODES = ["count", "detail"] as const;
export type TraceMode = (typeof TRACE_MODES)[number];

/**
 * How count mode counts: `uprobes` (eBPF, the program never stops: count-uprobes.ts; needs the
 * lab's patched dlv), `breakpoints` (Delve stops and resumes the program at each allocation:
 * count.ts), or `auto` (default): breakpoints, unless dlv and the program could not be pinned to
 * one CPU and uprobes can be set and pay off (counter-choice.ts).
 */
export const TRACE_COUNTERS = ["auto", "uprobes", "breakpoints"] as const;
export type TraceCounter = (typeof TRACE_COUNTERS)[number];

/** Frames of stack kept per allocation in detail mode unless told. */
export const DEFAULT_STACK = 8;
export const MAX_STACK = 100;
/** Milliseconds for the Delve session unless told. */
export const DEFAULT_TRACE_TIMEOUT = 600_000;

export interface TraceOptions {
  /** "1.19", "1.26", "1.27", a path to a go binary, or undefined for the machine's go. */
  go?: string;
  /** `detail` (default): every allocation with its stack; `count`: the numbers only, fast. */
  mode?: TraceMode;
  /** Count mode: what counts (TRACE_COUNTERS). Default `auto`. */
  counter?: TraceCounter;
  /** Frames of stack per allocation in detail mode. Default 8. */
  stack?: number;
  /** Build with `-gcflags=all=-N -l`, as the article does. */
  debug?: boolean;
  goexperiment?: string;
  /** Refuse cases estimated to hold more than this many bytes. Default 1 GiB (as measure). */
  memCap?: number;
  /** Milliseconds for the Delve session; dlv and the program are killed when it runs out. Default 10 min. */
  timeoutMs?: number;
  /** Aborting kills dlv and the program (a notebook's interrupt). */
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /**
   * The case list of a probe measure built (with the same `debug`), holding every case traced:
   * its binary is reused, no build (trace/session.ts). Ignored when a case is code.
   */
  probeCases?: readonly Case[];
}

/** How allocations entered the runtime in the traced binary (entrypoints.ts). */
export interface EntrySummary {
  /** Size-specialised malloc functions present (Go 1.27, or 1.26 with the experiment). */
  specialised: boolean;
  /** mallocgc hands sizes below this to them (len(runtime.mallocNoScanTable)); 0 when absent. */
  limit: number;
  /** Functions broken on: runtime.mallocgc and the specialised ones. */
  functions: number;
}

export interface TraceResult extends AllocResult {
  backend: "trace";
  mode: TraceMode;
  /** Count mode: what counted, eBPF uprobes or Delve's breakpoints (the counts are the same). */
  counter?: "uprobes" | "breakpoints";
  /**
   * Always 1: each case is traced in one call. For a hash-dependent case that is one draw of the
   * distribution measure reports over many calls.
   */
  runs: 1;
  /** Allocations with size > 0, as MemStats.Mallocs counts them. */
  mallocs: number;
  /** Every allocation entry, size-0 mallocgc calls included. */
  mallocgcCalls: number;
  /** Detail mode: the sum of requested sizes. */
  bytes?: number;
  /** Detail mode: the sum of the sizes taken, by the runtime's rules (compare with MemStats.TotalAlloc). */
  allocatedBytes?: number;
  /** Detail mode: every allocation, in order. */
  allocations?: TraceAllocation[];
  /** Detail mode, code cases: allocations per line of the user's file. */
  lines?: LineSummary[];
  /** Allocations counted at each entry function. */
  byEntry: Record<string, number>;
  /** Allocation-entry hits on other goroutines while the case ran (not counted). */
  otherGoroutines: number;
  /** The probe goroutine's id. */
  goroutine: number;
  entries: EntrySummary;
  build: BuildInfo;
  delve: { path: string; version: string };
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(traceMessages.badOption(name, String(value), allowed.join(", ")), String(value));
}

function wholeNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  throw new InputError(traceMessages.badOption(name, String(value), `a whole number from ${min} to ${max}`), String(value));
}

/** Traces one case (or several, in one Delve session) on a real Go runtime. */
export function trace(input: Case | string, options?: TraceOptions): Promise<TraceResult>;
export function trace(input: readonly (Case | string)[], options?: TraceOptions): Promise<TraceResult[]>;
export async function trace(input: Case | string | readonly (Case | string)[], options: TraceOptions = {}): Promise<TraceResult | TraceResult[]> {
  const { go, mode = "detail", counter = "auto", stack = DEFAULT_STACK, debug = false, goexperiment, memCap = DEFAULT_MEM_CAP, timeoutMs = DEFAULT_TRACE_TIMEOUT, signal, onProgress, probeCases } = options;
  const many = Array.isArray(input);
  const texts = (many ? input : [input]) as readonly (Case | string)[];
  oneOf("mode", mode, TRACE_MODES);
  oneOf("counter", counter, TRACE_COUNTERS);
  wholeNumber("stack", stack, 0, MAX_STACK);
  wholeNumber("timeoutMs", timeoutMs, 1, 86_400_000);
  const cases = admitCases(texts, memCap);
  const tc = await findToolchain(go, { goexperiment });
  const results = await traceWith(tc, cases, { mode, counter, stack, debug, timeoutMs, signal, onProgress, probeCases });
  return many ? results : results[0];
}

interface TraceWithOptions {
  mode: TraceMode;
  counter?: TraceCounter;
  stack: number;
  debug: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (m: string) => void;
  onTimings?: (t: SessionTimings) => void;
  probeCases?: readonly Case[];
  /** Pin dlv and the program to one CPU (session.ts). Default true. */
  pin?: boolean;
}

/**
 * The trusting half of trace: cases are valid, the toolchain is found. A count with uprobes that
 * lost events is counted again with breakpoints (the program has exited: a new session).
 */
export async function traceWith(tc: Toolchain, cases: readonly Case[], options: TraceWithOptions): Promise<TraceResult[]> {
  try {
    return await traceOnce(tc, cases, options);
  } catch (e) {
    if (!(e instanceof UprobeLossError) || options.counter === "uprobes") throw e;
    options.onProgress?.(`${e.message}; counting again with breakpoints`);
    return traceOnce(tc, cases, { ...options, counter: "breakpoints" });
  }
}

async function traceOnce(
  tc: Toolchain, cases: readonly Case[], { mode, counter = "auto", stack, debug, timeoutMs, signal, onProgress, onTimings, probeCases, pin }: TraceWithOptions,
): Promise<TraceResult[]> {
  const userCode = generateProbe(cases, languageVersion(tc.version)).userCode;
  // A code case's lines are found by its index in the probe: such a trace builds its own.
  const reuse = userCode.length === 0 ? probeCases : undefined;
  return runSession(tc, cases, { debug, timeoutMs, signal, onProgress, onTimings, probeCases: reuse, pin }, async (s) => {
    const plan = await planEntries(s.client, tc);
    const base = (c: Case) => ({
      go: tc.version,
      goarch: tc.goarch,
      backend: "trace" as const,
      case: c,
      mode,
      runs: 1 as const,
      goroutine: s.goroutine,
      entries: { specialised: plan.specialised, limit: plan.limit, functions: plan.functions.length },
      build: { gcflags: s.built.gcflags, debug, goexperiment: tc.goexperiment, goos: tc.goos, cached: s.built.cached },
      delve: { path: s.delve.path, version: s.delve.version },
    });
    if (mode === "count") {
      const { counts, counted } = await countEither(s, plan, counter, debug, onProgress);
      return cases.map((c, i): TraceResult => ({
        ...base(c),
        counter: counted,
        mallocs: counts[i].mallocs,
        mallocgcCalls: counts[i].mallocs + counts[i].zero,
        byEntry: counts[i].byEntry,
        otherGoroutines: counts[i].otherGoroutines,
      }));
    }
    onProgress?.(`recording every allocation of ${cases.length} case${cases.length === 1 ? "" : "s"} with ${stack} frame${stack === 1 ? "" : "s"} of stack`);
    const details = await detailAllocations(s, plan, stack);
    return cases.map((c, i): TraceResult => {
      const allocations = c.op === "code"
        ? inUserTermsAll(details[i].allocations, i, c.name ?? DEFAULT_CODE_NAME, PROBE_MODULE)
        : details[i].allocations;
      const byEntry: Record<string, number> = {};
      for (const a of allocations) {
        if (a.size === 0) continue;
        const last = a.entry.split(" → ").slice(-1)[0];
        byEntry[last] = (byEntry[last] ?? 0) + 1;
      }
      return {
        ...base(c),
        mallocs: allocations.filter((a) => a.size > 0).length,
        mallocgcCalls: allocations.length,
        bytes: allocations.reduce((sum, a) => sum + a.size, 0),
        allocatedBytes: allocations.reduce((sum, a) => sum + a.rounded, 0),
        allocations,
        ...(c.op === "code" ? { lines: summarizeLines(allocations) } : {}),
        byEntry,
        otherGoroutines: details[i].otherGoroutines,
      };
    });
  }).catch((e: unknown) => { throw inUserTermsOnFailure(e, userCode, PROBE_MODULE, tc.version); });
}

/**
 * Count mode with uprobes when asked, or (`auto`) where they can be set and pay: only where dlv and
 * the program do not share one CPU (counter-choice.ts); else with breakpoints.
 */
async function countEither(
  s: Session, plan: EntryPlan, counter: TraceCounter, debug: boolean, onProgress?: (m: string) => void,
): Promise<{ counts: CaseCounts[]; counted: "uprobes" | "breakpoints" }> {
  const what = `the allocations of ${s.cases.length} case${s.cases.length === 1 ? "" : "s"} at ${plan.functions.length} entry point${plan.functions.length === 1 ? "" : "s"}`;
  if (counter === "uprobes" && !s.delve.patched) throw new UprobesUnavailableError(traceMessages.uprobesRequired(`dlv ${s.delve.version} at ${s.delve.path}`));
  if (counter === "uprobes" && plan.specialised) throw new UprobesUnavailableError(traceMessages.uprobesSpecialised(plan.functions.length));
  // The simulator's estimate last: only where uprobes could count at all.
  const canUprobes = counter !== "breakpoints" && s.delve.patched && !plan.specialised;
  // dlv and the program share one CPU when the session pinned them, or when the lab has only one.
  const oneCpu = s.cpu !== null || usableCpus()?.length === 1;
  if (canUprobes && (counter === "uprobes" || uprobesPay(s.tc, s.cases, debug, oneCpu))) {
    onProgress?.(`counting ${what} with eBPF uprobes`);
    try {
      return { counts: await countWithUprobes(s, plan, onProgress), counted: "uprobes" };
    } catch (e) {
      if (!(e instanceof UprobesUnavailableError) || counter === "uprobes") throw e;
      onProgress?.(e.message);
    }
  }
  onProgress?.(`counting ${what} with breakpoints`);
  return { counts: await countAllocations(s, plan), counted: "breakpoints" };
}
