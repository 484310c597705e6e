/**
 * The simulator's speed, measured in one run: make cases per second through simulate() (what
 * `golab predict` does per case) and through the predict command end to end, and the latency of a
 * 1000-insert hash-dependent case over 200 seeds. Targets (issue 17): ≥ 1,000,000 make cases/s;
 * 1000 inserts × 200 seeds on Go 1.19 under 20 ms; chapter 3's curves at maxN = 5000 on Go 1.19
 * well under 5 s. Each is also a ratio to a reference loop timed in the same run (a JSON round
 * trip of each case), which moves with the machine as the simulator does.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Case, OperationCase } from "../kernel-helpers/case";
import { predict } from "../kernel-helpers/cli/predict-command";
import { simulate } from "../kernel-helpers/sim";

/** What benchSim measured, in one run. */
export interface SimFigures {
  /** make cases (makeslice and makemap, many sizes) through simulate(), per second, per version. */
  makeCasesPerSecond: Record<string, number>;
  /**
   * The same with each result's allocation list read (its length), as a caller that prints or
   * tabulates them does: a big Swiss map's repeated tables are listed only when first read.
   */
  listedCasesPerSecond: Record<string, number>;
  /** The predict command's work (parse, simulate, format the table) in this process, per second. */
  predictInProcess: number;
  predictInProcessCases: number;
  /** The same through `golab predict --brief` (one process, startup included, table to /dev/null). */
  predictCasesPerSecond: number;
  predictCases: number;
  /** Milliseconds for `insertCase` over 200 seeds, per version (median of 5). */
  insertMs: Record<string, number>;
  insertCase: Case;
  /** The reference loop: JSON.stringify then JSON.parse of each make case, per second (median of 5). */
  referencePerSecond: number;
  /** Chapter 3's two map curves at maxN = 5000 (12 points each), Go 1.19, 200 seeds: milliseconds. */
  ch3Ms: number;
}

/**
 * Make cases of many shapes, sizes spread evenly on a log scale from 1 to 2^20 (what people type:
 * mostly small, some huge), on the stack and on the heap, constant and variable.
 */
export function makeCases(count: number): OperationCase[] {
  const out: OperationCase[] = [];
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

/**
 * The reference loop: a JSON round trip (stringify, then parse) of each case, per second, the
 * median of five passes. Plain JavaScript work that a busy or slower machine slows as it slows
 * the simulator, so a figure over it compares across runs.
 */
export function referenceRate(cases: readonly OperationCase[]): number {
  return Math.round(median(Array.from({ length: SIM_PASSES }, () => {
    const t = performance.now();
    let n = 0;
    for (const c of cases) n += (JSON.parse(JSON.stringify(c)) as OperationCase).escape.length;
    if (n === 0) throw new Error("reference loop did nothing");
    return cases.length / ((performance.now() - t) / 1000);
  })));
}

/** Passes over the make cases per version; their median is the figure. */
const SIM_PASSES = 5;

/** Runs the simulator benchmarks; `cli` is the built golab entry (dist/kernel-helpers/cli/main.js). */
export function benchSim({ cli = path.resolve(__dirname, "..", "kernel-helpers", "cli", "main.js") }: { cli?: string } = {}): SimFigures {
  const cases = makeCases(20_000);
  const makeCasesPerSecond: Record<string, number> = {};
  const listedCasesPerSecond: Record<string, number> = {};
  for (const go of ["1.19", "1.26", "1.27"]) {
    cases.slice(0, 2000).forEach((c) => simulate(c, { go })); // warm-up
    // The median of five passes: one pass (0.4 s) moved by 30% with a collection or a busy neighbour.
    const rates = Array.from({ length: SIM_PASSES }, () => {
      const t0 = performance.now();
      for (const c of cases) simulate(c, { go });
      return cases.length / ((performance.now() - t0) / 1000);
    });
    makeCasesPerSecond[go] = Math.round(median(rates));
    let listed = 0;
    const listedRates = Array.from({ length: SIM_PASSES }, () => {
      const t0 = performance.now();
      for (const c of cases) listed += simulate(c, { go }).allocations.length;
      return cases.length / ((performance.now() - t0) / 1000);
    });
    if (listed === 0) throw new Error("no allocation was listed");
    listedCasesPerSecond[go] = Math.round(median(listedRates));
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
  const referencePerSecond = referenceRate(cases);
  const ch3Ms = median(Array.from({ length: 3 }, () => {
    const t = performance.now();
    for (const n of Array.from({ length: 12 }, (_, i) => Math.round((5000 * i) / 11))) {
      simulate({ op: "mapinsert", key: "int", elem: "int", n, escape: "heap" }, { go: "1.19" });
      simulate({ op: "mapinsert", key: "int", elem: "*int", n, freshElem: true, escape: "heap" }, { go: "1.19" });
    }
    return performance.now() - t;
  }));
  return {
    makeCasesPerSecond,
    listedCasesPerSecond,
    predictInProcess,
    predictInProcessCases: many.length,
    predictCasesPerSecond: Math.round(cases.length / (predictMs / 1000)),
    predictCases: cases.length,
    insertMs,
    insertCase,
    referencePerSecond,
    ch3Ms,
  };
}

/** The simulator's figures as ratios to the reference loop (higher is better), for baseline.json. */
export function simRatios(f: SimFigures): Record<string, number> {
  const inserts = (f.insertCase as { n: number }).n * 200;
  return {
    "simulate() make cases/s, Go 1.19, vs a reference loop (JSON round trip of each case)": f.makeCasesPerSecond["1.19"] / f.referencePerSecond,
    "simulate() make cases/s, Go 1.26, vs a reference loop (JSON round trip of each case)": f.makeCasesPerSecond["1.26"] / f.referencePerSecond,
    "1000 inserts × 200 seeds, Go 1.19: inserts/s vs a reference loop": inserts / (f.insertMs["1.19"] / 1000) / f.referencePerSecond,
  };
}

/** The figures as the Markdown table of bench/RESULTS.md, each with its target and, where kept, its ratio. */
export function formatSimFigures(f: SimFigures): string {
  const ratios = simRatios(f);
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const x = (key: string) => `**${ratios[key].toFixed(2)}×**`;
  const rows: string[][] = [
    ...Object.entries(f.makeCasesPerSecond).map(([go, rate]) => {
      const key = Object.keys(ratios).find((k) => k.startsWith(`simulate() make cases/s, Go ${go},`));
      return [`simulate(), make cases, Go ${go}`, `${n(rate)} cases/s`, key ? x(key) : "", "≥ 1,000,000 cases/s"];
    }),
    ...Object.entries(f.listedCasesPerSecond).map(([go, rate]) => [
      `simulate(), make cases, Go ${go}, each result's allocation list read too`, `${n(rate)} cases/s`, `${(rate / f.referencePerSecond).toFixed(2)}×`, "—",
    ]),
    [`golab predict's work (parse, simulate, table) in process, ${n(f.predictInProcessCases)} make cases, Go 1.26`, `${n(f.predictInProcess)} cases/s`, "", "—"],
    [`golab predict --brief, ${n(f.predictCases)} make cases as arguments (startup included)`, `${n(f.predictCasesPerSecond)} cases/s`, "", "—"],
    ...Object.entries(f.insertMs).map(([go, ms]) => [
      `1000 inserts into map[int]int × 200 seeds, Go ${go}`, `${ms.toFixed(1)} ms`,
      go === "1.19" ? x("1000 inserts × 200 seeds, Go 1.19: inserts/s vs a reference loop") : "", go === "1.19" ? "< 20 ms" : "—",
    ]),
    ["chapter 3's map curves at maxN = 5000 (2 × 12 cases × 200 seeds), Go 1.19", `${(f.ch3Ms / 1000).toFixed(2)} s`, "", "well under 5 s"],
    ["reference loop: JSON round trip of each make case", `${n(f.referencePerSecond)} cases/s`, "1×", "—"],
  ];
  return `simulator (ratio: the figure's rate over the reference loop's, both in this run)\n| what | figure | vs reference | target |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}\n`;
}

if (require.main === module) process.stdout.write(formatSimFigures(benchSim()));
