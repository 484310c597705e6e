/**
 * measure: the ground truth. Builds one probe program for a batch of cases, runs it, and reports
 * per case the MemStats and runtime/metrics deltas of one call, over many runs, with the
 * compiler's escape decisions beside them.
 */
import * as os from "node:os";
import { Case } from "../case";
import { GolabError, InputError, ProcessError } from "../errors";
import { findToolchain, languageVersion, Toolchain } from "../go";
import { measureMessages } from "../messages";
import { buildProbe, measuredWithDebugInfo, escapeDecisionsByCase, EscapeDecision, generateProbe, parseProbeOutput, ProbeSample, METRIC_NAMES, PROBE_MODULE } from "../probe";
import { crashLine, OUT_OF_MEMORY, runProcess } from "../proc";
import { inUserTermsOnFailure } from "../code/failure";
import { AllocResult, Distribution, distributionOf } from "../result";
import { admitCases } from "./admit";

export const DEFAULT_RUNS = 21;
export const DEFAULT_MEM_CAP = 1 << 30;

export interface MeasureOptions {
  /** "1.19", "1.26", "1.27", a path to a go binary, or undefined for the machine's go. */
  go?: string;
  /** Calls of each probe; hash-dependent cases need many. Default 21. */
  runs?: number;
  /** Build with `-gcflags=all=-N -l` like the article. Default false (optimized, as users ship). */
  debug?: boolean;
  /** GOEXPERIMENT for the build. */
  goexperiment?: string;
  /**
   * The memory cap, in bytes, for the whole probe process: a batch estimated to hold more is
   * refused, and a probe that goes over it anyway is stopped. Default 1 GiB.
   */
  memCap?: number;
  /** Milliseconds for the probe run. Default 10 minutes. */
  timeoutMs?: number;
  /** Told what is happening, for long runs. */
  onProgress?: (message: string) => void;
}

/** The build a measurement came from. */
export interface BuildInfo {
  gcflags: string[];
  debug: boolean;
  goexperiment: string;
  goos: string;
  cached: boolean;
}

export interface MeasureResult extends AllocResult {
  backend: "measure";
  allocatedBytes: number;
  /** Calls measured. */
  runs: number;
  /** True when every run gave the same counts and bytes. */
  deterministic: boolean;
  /** Medians of the MemStats deltas of one call. */
  memstats: { mallocs: number; totalAlloc: number; heapObjects: number };
  /** Medians of the runtime/metrics deltas of one call, by metric name. */
  metrics: Record<string, number>;
  /** Allocations by size bucket (size-class edges) in the run whose mallocs is the median. */
  bySize: { min: number; max: number | null; count: number }[];
  /** The compiler's escape decisions (-m) for the case's code. */
  escape: EscapeDecision[];
  /** TotalAlloc per run, when it varied. */
  bytesDistribution?: Distribution;
  build: BuildInfo;
}

function checkRuns(runs: unknown): number {
  if (typeof runs === "number" && Number.isInteger(runs) && runs >= 1 && runs <= 10_000) return runs;
  throw new InputError(measureMessages.badRuns(runs), String(runs));
}

/** A measurement whose options are checked, cases admitted and toolchain found. */
export interface AdmittedMeasurement {
  tc: Toolchain;
  cases: Case[];
  runs: number;
  debug: boolean;
  memCap: number;
  timeoutMs: number;
  onProgress?: (message: string) => void;
}

/** The validating half of measure: bad options, cases over the cap or a missing Go throw here. */
export async function admitMeasurement(input: readonly (Case | string)[], options: MeasureOptions = {}): Promise<AdmittedMeasurement> {
  const { go, runs = DEFAULT_RUNS, debug = false, goexperiment, memCap = DEFAULT_MEM_CAP, timeoutMs = 600_000, onProgress } = options;
  checkRuns(runs);
  const cases = admitCases(input, memCap);
  const tc = await findToolchain(go, { goexperiment });
  return { tc, cases, runs, debug, memCap, timeoutMs, onProgress };
}

/** Measures cases on a real Go runtime: one build and one run for the whole batch. */
export async function measure(input: readonly (Case | string)[], options: MeasureOptions = {}): Promise<MeasureResult[]> {
  const { tc, cases, ...rest } = await admitMeasurement(input, options);
  return measureWith(tc, cases, rest);
}

/** How measureWith runs a batch; memCap defaults to DEFAULT_MEM_CAP. */
export interface RunSettings {
  runs: number;
  debug: boolean;
  timeoutMs: number;
  memCap?: number;
  onProgress?: (m: string) => void;
}

/** The trusting half of measure: cases are valid, the toolchain is found. */
export async function measureWith(tc: Toolchain, cases: readonly Case[], { runs, debug, timeoutMs, memCap = DEFAULT_MEM_CAP, onProgress }: RunSettings): Promise<MeasureResult[]> {
  const probe = generateProbe(cases, languageVersion(tc.version));
  onProgress?.(`building one probe for ${cases.length} case${cases.length === 1 ? "" : "s"} with Go ${tc.version}${debug ? " (-N -l)" : ""}`);
  const built = await buildProbe(probe, tc, { debug, debugInfo: measuredWithDebugInfo(debug) });
  onProgress?.(`running it: ${runs} call${runs === 1 ? "" : "s"} of each case`);
  // The user's code runs under the same cap; its crash (out of memory included) is said in its terms.
  const run = await runProbe(built.binary, runs, memCap, probeEnv(tc), timeoutMs)
    .catch((e: unknown) => { throw inUserTermsOnFailure(e, probe.userCode, PROBE_MODULE, tc.version, memCap); });
  const samples = parseProbeOutput(run.stdout, cases.length, runs);
  const escapes = escapeDecisionsByCase(built.escapeReport, probe.caseLines);
  const build: BuildInfo = { gcflags: built.gcflags, debug, goexperiment: tc.goexperiment, goos: tc.goos, cached: built.cached };
  return cases.map((c, i) => summarize(tc, c, samples[i], escapes[i], build));
}

/** Runs a built probe under the memory cap; a probe that goes over it says so in one line. */
async function runProbe(binary: string, runs: number, memCap: number, env: NodeJS.ProcessEnv, timeoutMs: number) {
  try {
    return await runProcess(binary, [String(runs), String(memCap)], { env, timeoutMs });
  } catch (e) {
    if (e instanceof ProcessError && OUT_OF_MEMORY.test(e.stderr)) throw new GolabError(measureMessages.overMemCap(memCap), { cause: e });
    if (e instanceof ProcessError) throw new GolabError(measureMessages.probeCrashed(e.exitCode, e.signal, crashLine(e.stderr)), { cause: e });
    throw e;
  }
}

/** How Go says it could not get memory: the address-space limit refused a mapping. */

/** The probe turns GC off itself; nothing in the caller's environment may tune the runtime. */
function probeEnv(tc: Toolchain): NodeJS.ProcessEnv {
  const env = { ...tc.env };
  delete env.GOGC;
  delete env.GODEBUG;
  delete env.GOMEMLIMIT;
  return env;
}

function median(values: number[]): number {
  return distributionOf(values).median;
}

function summarize(tc: Toolchain, c: Case, samples: ProbeSample[], escape: EscapeDecision[], build: BuildInfo): MeasureResult {
  if (samples.length === 0) throw new GolabError(measureMessages.probeMissing(1, 0));
  const mallocs = samples.map((s) => s.values.mallocs);
  const totals = samples.map((s) => s.values.totalAlloc);
  const deterministic = new Set(mallocs).size === 1 && new Set(totals).size === 1;
  const med = median(mallocs);
  const typical = samples.find((s) => s.values.mallocs === med)!;
  const metrics: Record<string, number> = {};
  const metricColumns = ["allocsObjects", "tinyAllocsObjects", "allocsBytes"] as const;
  METRIC_NAMES.forEach((name, i) => {
    metrics[name] = median(samples.map((s) => s.values[metricColumns[i]]));
  });
  const result: MeasureResult = {
    go: tc.version,
    goarch: tc.goarch,
    backend: "measure",
    case: c,
    mallocs: med,
    allocatedBytes: median(totals),
    runs: samples.length,
    deterministic,
    memstats: { mallocs: med, totalAlloc: median(totals), heapObjects: median(samples.map((s) => s.values.heapObjects)) },
    metrics,
    bySize: typical.bySize,
    escape,
    build,
  };
  if (new Set(mallocs).size > 1) result.distribution = distributionOf(mallocs);
  if (new Set(totals).size > 1) result.bytesDistribution = distributionOf(totals);
  return result;
}

/** CPU model, for provenance. */
export function cpuModel(): string {
  return os.cpus()[0]?.model ?? "unknown";
}
