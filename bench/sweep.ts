/**
 * A reader's question, "what does make(map[int]int, n) allocate for n = 0..100,000?", answered by
 * the simulator for every n and by real runs (one batch) for an evenly spaced sample of n, scaled
 * to the whole sweep. Both in this run, so the ratio holds on a noisy machine.
 */
import { Case } from "../kernel-helpers/case";
import { measure } from "../kernel-helpers/measure";
import { simulate } from "../kernel-helpers/sim";

export interface SweepFigures {
  hints: number;
  simulateMs: number;
  measured: number;
  measureMs: number;
  /** Estimated time to measure every hint over the time to simulate every hint. */
  ratio: number;
}

const mapCase = (hint: number): Case => ({ op: "makemap", key: "int", elem: "int", hint, escape: "heap" });

export async function benchSweep({ max = 100_000, sample = 500, go = "1.26" }: { max?: number; sample?: number; go?: string } = {}): Promise<SweepFigures> {
  const t0 = performance.now();
  for (let hint = 0; hint <= max; hint++) simulate(mapCase(hint), { go });
  const simulateMs = performance.now() - t0;
  const hints = Array.from({ length: sample }, (_, i) => Math.round((max * i) / (sample - 1)));
  const t1 = performance.now();
  await measure(hints.map(mapCase), { go, runs: 3 });
  const measureMs = performance.now() - t1;
  return { hints: max + 1, simulateMs, measured: sample, measureMs, ratio: ((measureMs / sample) * (max + 1)) / simulateMs };
}

export function sweepTable(f: SweepFigures): string {
  return [
    `sweep: make(map[int]int, n) for n = 0..${f.hints - 1}`,
    "",
    "| way | hints | time | per hint |",
    "|---|---|---|---|",
    `| simulate every hint | ${f.hints} | ${(f.simulateMs / 1000).toFixed(2)} s | ${((f.simulateMs * 1000) / f.hints).toFixed(1)} µs |`,
    `| measure (one batch, 3 calls each) | ${f.measured} sampled | ${(f.measureMs / 1000).toFixed(2)} s | ${((f.measureMs * 1000) / f.measured).toFixed(1)} µs |`,
    `| **measuring every hint would take** | | **${f.ratio.toFixed(1)}×** the simulation | |`,
  ].join("\n");
}
