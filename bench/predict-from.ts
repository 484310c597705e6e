/**
 * `golab predict` as a user waits for it, timed from the shell (start-up included), beside a bare
 * `node -e 0` in the same run: 500,000 make cases through `--from FILE` (target: at least 150,000
 * cases/s end to end) and one case (target: within 3× `node -e 0`). Medians of several runs.
 *
 * `node dist/bench/predict-from.js [cases]` prints the table.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { simulate } from "../kernel-helpers/sim";
import { median } from "../kernel-helpers/experiments/stats";
import { makeCases, referenceRate } from "./sim";

/** One way of running predict --from, and what it took. */
export interface FromRun {
  what: string;
  args: string[];
  seconds: number;
  casesPerSecond: number;
}

/** What benchPredictFrom measured. */
export interface PredictFromFigures {
  cases: number;
  runs: FromRun[];
  /** `node -e 0`, seconds (median). */
  nodeStart: number;
  /** `golab predict 'make(map[int]int, 1000)'`, seconds (median). */
  oneCase: number;
  /** The reference loop (sim.ts referenceRate) over the first 20,000 cases, timed between the runs. */
  referencePerSecond: number;
  /** Average characters of one case's JSON on Go 1.26, from the first 2000 cases. */
  jsonChars126: number;
}

/** Seconds of `node args...` with standard output to /dev/null, the median of `times` runs. */
function timeNode(args: string[], times: number): number {
  const devNull = fs.openSync("/dev/null", "w");
  try {
    return median(Array.from({ length: times }, () => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { stdio: ["ignore", devNull, "pipe"], encoding: "utf8" });
      const s = (performance.now() - t0) / 1000;
      if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr.slice(0, 500)}`);
      return s;
    }));
  } finally {
    fs.closeSync(devNull);
  }
}

/** Runs the benchmark; `cli` is the built golab entry. */
export function benchPredictFrom({ cases = 500_000, passes = 3, cli = path.resolve(__dirname, "..", "kernel-helpers", "cli", "main.js") } = {}): PredictFromFigures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-from-"));
  try {
    const file = path.join(dir, "cases.jsonl");
    fs.writeFileSync(file, `${makeCases(cases).map((c) => JSON.stringify(c)).join("\n")}\n`);
    const ways: [string, string[]][] = [
      ["--json, Go 1.19 (JSON lines, every allocation explained)", ["--json", "--go", "1.19"]],
      ["summary rows, Go 1.26", ["--go", "1.26"]],
    ];
    const reference: number[] = [];
    const runs = ways.map(([what, extra]) => {
      reference.push(referenceRate(makeCases(20_000)));
      const args = [cli, "predict", "--from", file, ...extra];
      const seconds = timeNode(args, passes);
      return { what, args: ["predict", "--from", "cases.jsonl", ...extra], seconds, casesPerSecond: cases / seconds };
    });
    const nodeStart = timeNode(["-e", "0"], 7);
    const oneCase = timeNode([cli, "predict", "make(map[int]int, 1000)"], 7);
    const sample = makeCases(2000);
    const jsonChars126 = sample.reduce((sum, c) => sum + JSON.stringify(simulate(c, { go: "1.26" })).length, 0) / sample.length;
    return { cases, runs, nodeStart, oneCase, referencePerSecond: median(reference), jsonChars126 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The ratios kept in baseline.json (higher is better). */
export function predictFromRatios(f: PredictFromFigures): Record<string, number> {
  return {
    "predict --from, make cases/s (--json, Go 1.19), vs a reference loop (JSON round trip of each case)": f.runs[0].casesPerSecond / f.referencePerSecond,
    "node -e 0 vs golab predict of one case (time)": f.nodeStart / f.oneCase,
  };
}

/** The figures as a Markdown table, each with its target. */
export function formatPredictFrom(f: PredictFromFigures): string {
  const rows = f.runs.map((r) => [
    `golab predict --from, ${f.cases.toLocaleString("en-US")} make cases, ${r.what}`,
    `${r.seconds.toFixed(2)} s`, `${Math.round(r.casesPerSecond).toLocaleString("en-US")} cases/s (**${(r.casesPerSecond / f.referencePerSecond).toFixed(2)}×** the reference loop)`, "≥ 150,000 cases/s",
  ]);
  rows.push(["golab predict 'make(map[int]int, 1000)'", `${(f.oneCase * 1000).toFixed(0)} ms`, `**${(f.oneCase / f.nodeStart).toFixed(2)}×** node -e 0`, "≤ 3× node -e 0"]);
  rows.push(["node -e 0", `${(f.nodeStart * 1000).toFixed(0)} ms`, "1×", "—"]);
  rows.push(["reference loop (a JSON round trip of each case, in process)", "", `${f.referencePerSecond.toLocaleString("en-US")} cases/s`, "—"]);
  return (
    `golab predict from the shell (start-up included; standard output to /dev/null; medians; the cases are the simulator bench's make cases, sizes spread on a log scale from 1 to 2^20)\n` +
    `| what | time | rate | target |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}\n\n` +
    `With --json every case's allocations are printed with their reasons; on Go 1.26 this mix's large maps list a table and its groups per 1024 slots (${Math.round(f.jsonChars126).toLocaleString("en-US")} characters of JSON a case on average, measured now), so --json is timed on Go 1.19 and the 1.26 run prints summary rows.`
  );
}

if (require.main === module) {
  const cases = Number(process.argv[2] ?? 500_000);
  process.stdout.write(`${formatPredictFrom(benchPredictFrom({ cases }))}\n`);
}
