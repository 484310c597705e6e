/**
 * Chapter 2.5: what garbage collection does to what is observed. The same benchmarks run with the
 * collector on (GOGC=100) and off (GOGC=off), repeatedly and alternately, giving nanoseconds per
 * malloc both ways as medians with 95% intervals (./stats.ts); a run with
 * GODEBUG=gctrace=1 gives real trace lines, read beside the runtime's own description of them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case, caseKey } from "../case";
import { InputError } from "../errors";
import { findToolchain } from "../go";
import { benchmark, withBenchmarks } from "../measure";
import { median, MedianInterval, medianInterval } from "./stats";

export type GcSetting = "on (GOGC=100)" | "off (GOGC=off)";

export interface GcLatencyRow {
  go: string;
  case: Case;
  gc: GcSetting;
  /** Which repetition (0-based); the two settings alternate, run by run. */
  run: number;
  nsPerOp: number;
  allocsPerOp: number;
  /** nsPerOp / allocsPerOp: the whole operation's time shared among its mallocs. */
  nsPerMalloc: number;
}

/** Repetitions of each setting by default: enough for a 95% interval of the median (6 at least). */
export const GC_LATENCY_RUNS = 10;
/** -benchtime of each repetition by default. */
export const GC_LATENCY_BENCHTIME = "100ms";

export interface GcLatencyOptions {
  go?: string;
  benchtime?: string;
  /** Repetitions of each setting (each its own `go test` process). Default GC_LATENCY_RUNS. */
  runs?: number;
}

const SETTINGS = [["on (GOGC=100)", "100"], ["off (GOGC=off)", "off"]] as const;

/**
 * Benchmarks the cases with the collector on and off, `runs` times each. The settings alternate
 * (on, off, off, on, ...) so that a slow spell of a shared machine falls on both of them.
 */
export async function gcLatency(cases: readonly (Case | string)[], { go, benchtime = GC_LATENCY_BENCHTIME, runs = GC_LATENCY_RUNS }: GcLatencyOptions = {}): Promise<GcLatencyRow[]> {
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > 1000) throw new InputError(`runs must be a whole number from 1 to 1000, not ${runs}`, String(runs));
  // One build; every run a fresh process of the same test binary.
  return withBenchmarks(cases, { go }, async (bench) => {
    const rows: GcLatencyRow[] = [];
    for (let run = 0; run < runs; run++) {
      const order = run % 2 ? [...SETTINGS].reverse() : SETTINGS;
      for (const [gc, GOGC] of order) {
        for (const b of await bench({ benchtime, runtime: { GOGC } })) {
          rows.push({ go: b.go, case: b.case, gc, run, nsPerOp: b.nsPerOp, allocsPerOp: b.allocsPerOp, nsPerMalloc: b.allocsPerOp ? b.nsPerOp / b.allocsPerOp : NaN });
        }
      }
    }
    return rows;
  });
}

/** One setting's latency over the repetitions. */
export interface GcLatencySummary {
  gc: GcSetting;
  /** Per repetition, ns per malloc averaged over the cases that allocate: median and 95% interval. */
  nsPerMalloc: MedianInterval;
  /** Per case: ns/op over the repetitions, median and 95% interval. */
  byCase: { case: Case; nsPerOp: MedianInterval; allocsPerOp: number }[];
}

/** Medians and intervals of each setting, from the rows of one Go version. */
export function summarizeGcLatency(rows: readonly GcLatencyRow[]): GcLatencySummary[] {
  return SETTINGS.flatMap(([gc]) => {
    const mine = rows.filter((r) => r.gc === gc);
    if (mine.length === 0) return [];
    const runs = [...new Set(mine.map((r) => r.run))].sort((a, b) => a - b);
    const perRun = runs.flatMap((run) => {
      const xs = mine.filter((r) => r.run === run && r.allocsPerOp > 0).map((r) => r.nsPerMalloc);
      return xs.length ? [xs.reduce((a, b) => a + b, 0) / xs.length] : [];
    });
    const keys = [...new Map(mine.map((r) => [caseKey(r.case), r.case])).entries()];
    return [{
      gc,
      nsPerMalloc: medianInterval(perRun),
      byCase: keys.map(([key, c]) => {
        const rs = mine.filter((r) => caseKey(r.case) === key);
        return { case: c, nsPerOp: medianInterval(rs.map((r) => r.nsPerOp)), allocsPerOp: median(rs.map((r) => r.allocsPerOp)) };
      }),
    }];
  });
}

export interface GcTraceLine {
  gc: number;
  atSeconds: number;
  percent: number;
  /** Wall-clock ms of the three phases: STW sweep termination, concurrent mark and scan, STW mark termination. */
  clockMs: [number, number, number];
  /** The three heap figures in MB, as printed (start, end, live: see the runtime's description). */
  heapMB: [number, number, number];
  goalMB: number;
  raw: string;
}

/** A trace line, wherever it stands (go test can print one right after a benchmark's name). */
const TRACE = /gc (\d+) @([\d.]+)s (\d+)%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, [^\n]*?, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal[^\n]*? \d+ P(?: \(forced\))?/g;

/** Reads gctrace lines out of a program's output. */
export function parseGcTrace(output: string): GcTraceLine[] {
  return [...output.matchAll(TRACE)].map((m) => {
    const n = m.slice(1).map(Number);
    return { gc: n[0], atSeconds: n[1], percent: n[2], clockMs: [n[3], n[4], n[5]], heapMB: [n[6], n[7], n[8]], goalMB: n[9], raw: m[0] };
  });
}

/** Runs the cases as benchmarks under GODEBUG=gctrace=1 and returns the trace lines they caused. */
export async function gcTrace(cases: readonly (Case | string)[], { go, benchtime = "300ms" }: { go?: string; benchtime?: string } = {}): Promise<GcTraceLine[]> {
  const lines: string[] = [];
  await benchmark(cases, { go, benchtime, runtime: { GOGC: "100", GODEBUG: "gctrace=1" }, onOutput: (text) => lines.push(text) });
  return parseGcTrace(lines.join("\n"));
}

/** The runtime's own description of the gctrace line, from the toolchain's runtime/extern.go. */
export async function gcTraceDocumentation(go?: string): Promise<{ go: string; file: string; text: string }> {
  const tc = await findToolchain(go);
  const file = path.join(tc.goroot, "src", "runtime", "extern.go");
  const source = fs.readFileSync(file, "utf8");
  const start = source.indexOf("gctrace: setting gctrace=1");
  const end = source.indexOf("\n\n", start);
  const text = start < 0 ? "" : source.slice(start, end).split("\n").map((l) => l.replace(/^\t/, "")).join("\n");
  return { go: tc.version, file, text };
}
