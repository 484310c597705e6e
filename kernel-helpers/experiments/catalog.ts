/**
 * The experiments that only a running Go can do, by name: what each runs (its inputs, plain JSON),
 * how (its flags, for a recording's provenance) and the function that runs it on one Go version.
 * The claims, the notebooks and `golab record --experiments` all take them from here, so a
 * recording answers exactly the experiment a page would have run.
 */
import { Case } from "../case";
import { DEFAULT_WORKLOAD, experiment24, Experiment24Result } from "../trace";
import { fragmentation, FRAGMENTATION_SECONDS, FragmentationSample } from "./fragmentation";
import { GC_LATENCY_BENCHTIME, GC_LATENCY_RUNS, gcLatency, GcLatencyRow, gcTrace, GcTraceLine } from "./gc";
import { LOOKUP_BENCHTIME, lookupTimings, LookupTimingRow } from "./lookup";
import { collectionCosts, CollectionCostRow } from "./map-or-slice";
import { OWN_CODE_DEFAULTS, ownCodeCosts, OwnCodeParameters, OwnCodeRow, OwnCodeSnippet, ownCodeSnippets } from "./own-code";
import { InliningProfile, profileInlining } from "./pprof";

/** Each live experiment's result type, by name. */
export interface LiveResults {
  "gc-latency": GcLatencyRow[];
  gctrace: GcTraceLine[];
  "pprof-inlining": InliningProfile;
  fragmentation: FragmentationSample[];
  "breakpoint-frequency": Experiment24Result;
  "map-or-slice-costs": CollectionCostRow[];
  "map-or-slice-timings": LookupTimingRow[];
  "own-code": OwnCodeRow[];
}

export type LiveName = keyof LiveResults;

/** The live experiments that test a claim (the others serve a chapter, e.g. chapter 5's decision). */
export type ClaimLiveName = Exclude<LiveName, "map-or-slice-costs" | "map-or-slice-timings" | "own-code">;

export const LIVE_NAMES: readonly LiveName[] = [
  "gc-latency", "gctrace", "pprof-inlining", "fragmentation", "breakpoint-frequency", "map-or-slice-costs", "map-or-slice-timings", "own-code",
];

/** One live experiment, ready to run on any installed version. */
export interface LiveExperiment<N extends LiveName = LiveName> {
  name: N;
  /** What is run (cases, sizes, durations): the result cache and recordings key on it. */
  inputs: Record<string, unknown>;
  /** How it is built and run, in words: for provenance. */
  flags: string[];
  /** Runs it on one Go version ("1.19", "1.26", ...; undefined: the go on PATH). */
  run(go?: string): Promise<LiveResults[N]>;
}

/** The gctrace run's workload: small objects, so that a short benchmark goes through many GC cycles. */
export const GCTRACE_WORKLOAD: readonly string[] = ["make([]byte, 4096)"];
const GCTRACE_BENCHTIME = "300ms";
/** Bytes newBuffer allocates in the profiled program (claim 4.4). */
export const PPROF_BYTES = 4000;
const CHURN = { seconds: FRAGMENTATION_SECONDS, sampleMs: 100, workingSetBytes: 64 << 20, together: true };

/** GC on and off (claim 2.5a) for the given cases. */
export function gcLatencyExperiment(cases: readonly string[]): LiveExperiment<"gc-latency"> {
  const inputs = { cases: [...cases], runs: GC_LATENCY_RUNS, benchtime: GC_LATENCY_BENCHTIME };
  return {
    name: "gc-latency", inputs,
    flags: [`go test -c, then the test binary with -test.run ^$ -test.bench . -test.benchmem -test.benchtime=${GC_LATENCY_BENCHTIME} -test.count=1`, `${GC_LATENCY_RUNS} runs each of GOGC=100 and GOGC=off, alternating, each a fresh process`],
    run: (go) => gcLatency(cases, { go, runs: GC_LATENCY_RUNS, benchtime: GC_LATENCY_BENCHTIME }),
  };
}

/** A GODEBUG=gctrace=1 benchmark run (claim 2.5b's display). */
export function gcTraceExperiment(cases: readonly string[] = GCTRACE_WORKLOAD): LiveExperiment<"gctrace"> {
  return {
    name: "gctrace", inputs: { cases: [...cases], benchtime: GCTRACE_BENCHTIME },
    flags: [`go test -run ^$ -bench . -benchmem -benchtime=${GCTRACE_BENCHTIME} -count=1`, "GOGC=100", "GODEBUG=gctrace=1"],
    run: (go) => gcTrace(cases, { go, benchtime: GCTRACE_BENCHTIME }),
  };
}

/** The inlined helper's heap profile (claim 4.4). */
export function pprofExperiment(): LiveExperiment<"pprof-inlining"> {
  return {
    name: "pprof-inlining", inputs: { bytes: PPROF_BYTES },
    flags: ["go build -gcflags=-m", "runtime.MemProfileRate = 1", "go tool pprof -traces -sample_index=alloc_space"],
    run: (go) => profileInlining({ go, bytes: PPROF_BYTES }),
  };
}

/** The churn time series (claim 4.3). */
export function fragmentationExperiment(): LiveExperiment<"fragmentation"> {
  return {
    name: "fragmentation", inputs: { ...CHURN },
    flags: ["go build", `${CHURN.seconds} s per workload (slices, maps; ${CHURN.together ? "side by side, a process each" : "one after the other"})`, `runtime/metrics every ${CHURN.sampleMs} ms`, `working set ${CHURN.workingSetBytes} B`],
    run: (go) => fragmentation({ go, ...CHURN }),
  };
}

/** Chapter 2.4's Delve hit counts (claim 2.4a). */
export function breakpointExperiment(workload: readonly string[] = DEFAULT_WORKLOAD): LiveExperiment<"breakpoint-frequency"> {
  return {
    name: "breakpoint-frequency", inputs: { workload: [...workload], debug: false },
    flags: ["go build (optimized)", "dlv headless, breakpoints that count without stopping", "probe with debug.SetGCPercent(-1)"],
    run: (go) => experiment24(workload, { go }),
  };
}

/** Element counts of chapter 5's decision: 8 to 1,000,000, about two per decade where timings cross. */
export const MAP_OR_SLICE_SIZES: readonly number[] = [8, 16, 32, 64, 128, 256, 1024, 4096, 16384, 65536, 262144, 1_000_000];
/** Calls of each collection case: a map's count varies with its hash seed, the median is kept. */
const COST_RUNS = 7;
/** Timing repetitions: 10 give the median a 95% interval of the 2nd to the 9th run (experiments/stats.ts). */
const TIMING_RUNS = 10;

/** Map or slice (chapter 5): what holding n pairs costs, four ways, in mallocs and bytes. */
export function mapOrSliceCostsExperiment(sizes: readonly number[] = MAP_OR_SLICE_SIZES): LiveExperiment<"map-or-slice-costs"> {
  return {
    name: "map-or-slice-costs", inputs: { sizes: [...sizes], runs: COST_RUNS },
    flags: [`measure: optimized build, ${COST_RUNS} calls per case, MemStats deltas (median)`],
    run: (go) => collectionCosts({ go, sizes, runs: COST_RUNS }),
  };
}

/** Map or slice (chapter 5): ns to find one key, or to visit every element, map against slice. */
export function mapOrSliceTimingsExperiment(sizes: readonly number[] = MAP_OR_SLICE_SIZES): LiveExperiment<"map-or-slice-timings"> {
  return {
    name: "map-or-slice-timings", inputs: { sizes: [...sizes], runs: TIMING_RUNS, benchtime: LOOKUP_BENCHTIME },
    flags: [`go test -c (optimized), then ${TIMING_RUNS} runs, each a fresh process: -test.bench . -test.benchtime=${LOOKUP_BENCHTIME} -test.count=1`],
    run: (go) => lookupTimings({ go, sizes, runs: TIMING_RUNS, benchtime: LOOKUP_BENCHTIME }),
  };
}

/** Calls of each of chapter 6's programs measured (the traced call is one more). */
const OWN_CODE_RUNS = 21;

/** Code cases measured and traced (chapter 6's programs, or a reader's own): the programs are the inputs. */
export function codeExperiment(snippets: readonly OwnCodeSnippet[]): LiveExperiment<"own-code"> {
  return {
    name: "own-code", inputs: { programs: snippets.map((s) => ({ lesson: s.lesson, name: s.name, source: s.case.source })), runs: OWN_CODE_RUNS },
    flags: [`golab measure --code: optimized build, ${OWN_CODE_RUNS} calls per program after one warm-up call, MemStats deltas (median)`, "golab trace --code: the same probe under dlv, one call, every allocation with its stack"],
    run: (go) => ownCodeCosts({ go, snippets, runs: OWN_CODE_RUNS }),
  };
}

/** Your own code (chapter 6): the chapter's programs with these sizes. */
export function ownCodeExperiment(params: Readonly<OwnCodeParameters> = OWN_CODE_DEFAULTS): LiveExperiment<"own-code"> {
  return codeExperiment(ownCodeSnippets(params));
}

/** The live experiments a chapter shows that test no claim (recorded with the claims' ones). */
export function courseExperiments(): LiveExperiment[] {
  return [mapOrSliceCostsExperiment(), mapOrSliceTimingsExperiment(), ownCodeExperiment()];
}

/** Every live experiment, with claim 2.5a's cases for the GC benchmarks. */
export function liveExperiments({ gcCases }: { gcCases: readonly (string | Case)[] }): LiveExperiment[] {
  const texts = gcCases.map((c) => (typeof c === "string" ? c : JSON.stringify(c)));
  return [gcLatencyExperiment(texts), gcTraceExperiment(), pprofExperiment(), fragmentationExperiment(), breakpointExperiment(), ...courseExperiments()];
}
