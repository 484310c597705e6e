/**
 * The simulator's speed, measured in one run: make cases per second through simulate() (what
 * `golab predict` does per case) and through the predict command end to end, and the latency of a
 * 1000-insert hash-dependent case over 200 seeds. Targets (issue 4): ≥ 100,000 make cases/s;
 * 1000 inserts × 200 seeds under 200 ms.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Case } from "../kernel-helpers/case";
import { predict } from "../kernel-helpers/cli/predict-command";
import { simulate } from "../kernel-helpers/sim";

/** What benchSim measured, in one run. */
export interface SimFigures {
  /** make cases (makeslice and makemap, many sizes) through simulate(), per second, per version. */
  makeCasesPerSecond: Record<string, number>;
  /** The predict command's work (parse, simulate, format the table) in this process, per second. */
  predictInProcess: number;
  predictInProcessCases: number;
  /** The same through `golab predict --brief` (one process, startup included, table to /dev/null). */
  predictCasesPerSecond: number;
  predictCases: number;
  /** Milliseconds for `insertCase` over 200 seeds, per version (median of 5). */
  insertMs: Record<string, number>;
  insertCase: Case;
}

/**
 * Make cases of many shapes, sizes spread evenly on a log scale from 1 to 2^20 (what people type:
 * mostly small, some huge), on the stack and on the heap, constant and variable.
 */
function makeCases(count: number): Case[] {
  const out: Case[] = [];
  const elems = ["int", "byte", "string", "*int", "[200]byte", "struct{a int; b string}"];
  const keys = ["int", "string", "[17]int"];
  for (let i = 0; out.length < count; i++) {
    const size = Math.floor(2 ** (((i * 0.6180339887) % 1) * 20));
    const escape = i % 5 === 0 ? "stack" : "heap";
    out.push({ op: "makeslice", elem: elems[i % elems.length], len: size, escape, ...(i % 7 === 0 ? { constSize: false } : {}) });
    out.push({ op: "makemap", key: keys[i % keys.length], elem: "int", hint: size, escape });
  }
  return out.slice(0, count);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
}

/** Passes over the make cases per version; their median is the figure. */
const SIM_PASSES = 5;

/** Runs the simulator benchmarks; `cli` is the built golab entry (dist/kernel-helpers/cli/main.js). */
export function benchSim({ cli = path.resolve(__dirname, "..", "kernel-helpers", "cli", "main.js") }: { cli?: string } = {}): SimFigures {
  const cases = makeCases(20_000);
  const makeCasesPerSecond: Record<string, number> = {};
  for (const go of ["1.19", "1.26", "1.27"]) {
    cases.slice(0, 2000).forEach((c) => simulate(c, { go })); // warm-up
    // The median of five passes: one pass (0.4 s) moved by 30% with a collection or a busy neighbour.
    const rates = Array.from({ length: SIM_PASSES }, () => {
      const t0 = performance.now();
      for (const c of cases) simulate(c, { go });
      return cases.length / ((performance.now() - t0) / 1000);
    });
    makeCasesPerSecond[go] = Math.round(median(rates));
  }
  const texts = cases.map((c) => JSON.stringify(c));
  const many = Array.from({ length: 5 }, () => texts).flat();
  const t = performance.now();
  let printed = 0;
  for (const chunk of predict(many, { go: "1.26", seeds: 200, escape: "heap", debug: false, json: false, brief: true })) printed += chunk.length;
  const predictInProcess = Math.round(many.length / ((performance.now() - t) / 1000));
  const devNull = fs.openSync("/dev/null", "w");
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [cli, "predict", "--go", "1.26", "--brief", ...texts], { stdio: ["ignore", devNull, "pipe"], encoding: "utf8" });
  const predictMs = performance.now() - t0;
  fs.closeSync(devNull);
  if (run.status !== 0) throw new Error(`golab predict failed: ${run.stderr}`);
  const insertCase: Case = { op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" };
  const insertMs: Record<string, number> = {};
  for (const go of ["1.19", "1.26"]) {
    simulate(insertCase, { go, seeds: 200 });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      simulate(insertCase, { go, seeds: 200 });
      times.push(performance.now() - t);
    }
    insertMs[go] = median(times);
  }
  if (printed === 0) throw new Error("predict printed nothing");
  return {
    makeCasesPerSecond,
    predictInProcess,
    predictInProcessCases: many.length,
    predictCasesPerSecond: Math.round(cases.length / (predictMs / 1000)),
    predictCases: cases.length,
    insertMs,
    insertCase,
  };
}

/** The figures as the Markdown table of bench/RESULTS.md. */
export function formatSimFigures(f: SimFigures): string {
  const rows = Object.entries(f.makeCasesPerSecond).map(([go, n]) => `| simulate(), make cases, Go ${go} | ${n.toLocaleString("en-US")} cases/s |`);
  return (
    `simulator\n| what | figure |\n|---|---|\n${rows.join("\n")}\n` +
    `| golab predict's work (parse, simulate, table) in process, ${f.predictInProcessCases.toLocaleString("en-US")} make cases, Go 1.26 | ${f.predictInProcess.toLocaleString("en-US")} cases/s |\n` +
    `| golab predict --brief, ${f.predictCases.toLocaleString("en-US")} make cases in one process (startup included) | ${f.predictCasesPerSecond.toLocaleString("en-US")} cases/s |\n` +
    Object.entries(f.insertMs).map(([go, ms]) => `| 1000 inserts into map[int]int × 200 seeds, Go ${go} | ${ms.toFixed(1)} ms |`).join("\n") + "\n"
  );
}

if (require.main === module) process.stdout.write(formatSimFigures(benchSim()));
