/**
 * Chapter 2.5: what garbage collection does to what is observed. The same benchmarks run with the
 * collector on (GOGC=100) and off (GOGC=off), giving nanoseconds per malloc both ways; a run with
 * GODEBUG=gctrace=1 gives real trace lines, read beside the runtime's own description of them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case } from "../case";
import { findToolchain } from "../go";
import { benchmark } from "../measure";

export interface GcLatencyRow {
  go: string;
  case: Case;
  gc: "on (GOGC=100)" | "off (GOGC=off)";
  nsPerOp: number;
  allocsPerOp: number;
  /** nsPerOp / allocsPerOp: the whole operation's time shared among its mallocs. */
  nsPerMalloc: number;
}

/** Benchmarks the cases with the collector on and off. */
export async function gcLatency(cases: readonly (Case | string)[], { go, benchtime = "300ms" }: { go?: string; benchtime?: string } = {}): Promise<GcLatencyRow[]> {
  const rows: GcLatencyRow[] = [];
  for (const [gc, GOGC] of [["on (GOGC=100)", "100"], ["off (GOGC=off)", "off"]] as const) {
    for (const b of await benchmark(cases, { go, benchtime, runtime: { GOGC } })) {
      rows.push({ go: b.go, case: b.case, gc, nsPerOp: b.nsPerOp, allocsPerOp: b.allocsPerOp, nsPerMalloc: b.allocsPerOp ? b.nsPerOp / b.allocsPerOp : NaN });
    }
  }
  return rows;
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
