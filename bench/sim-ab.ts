/**
 * The simulator of another build against this one, in one process: `node dist/bench/sim-ab.js
 * OTHER_DIST [--warm]` runs sim.ts's make cases through both builds' simulate(), per version, in
 * alternating blocks of 5000 (which goes first flips each block), and prints each build's rate and
 * the ratio. Time is this process's CPU time, which a busy neighbour moves less than the clock.
 * `--warm` first runs every matrix case on every version through both, as the full bench's earlier
 * parts leave the simulator's code (a fresh process runs make cases alone about 2× as fast).
 * OTHER_DIST is a copy of another commit's dist/ (e.g. `cp -r dist /tmp/old-dist` before a change).
 */
import * as path from "node:path";
import { makeCases } from "./sim";
import { Case } from "../kernel-helpers/case";
import { MATRICES } from "../kernel-helpers/record";
import { simulate } from "../kernel-helpers/sim";

type Simulate = (c: Case, o: { go: string; debug?: boolean; seeds?: number }) => unknown;

/** Milliseconds of CPU this process has used (every thread). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Per version: cases per CPU second of [other, this], and their ratio this/other. */
export function simAB(other: Simulate, self: Simulate, { warm = false, passes = 5, block = 5000 } = {}): { go: string; rates: [number, number]; ratio: number }[] {
  const builds = [other, self];
  if (warm) {
    for (const b of builds) {
      for (const m of MATRICES) {
        for (const go of ["1.19.8", "1.26.8", "1.27.3"]) {
          for (const c of m.cases(go)) {
            for (const debug of [false, true]) {
              try {
                b(c, { go, debug, seeds: 20 });
              } catch {
                // a case a version refuses: its code ran all the same
              }
            }
          }
        }
      }
    }
  }
  const cases = makeCases(20_000);
  return ["1.19", "1.26", "1.27"].map((go) => {
    for (const b of builds) for (const c of cases) b(c, { go });
    const ms = [0, 0];
    for (let p = 0; p < passes; p++) {
      for (let at = 0, k = 0; at < cases.length; at += block, k++) {
        const chunk = cases.slice(at, at + block);
        for (const i of k % 2 ? [1, 0] : [0, 1]) {
          const t = cpuMs();
          for (const c of chunk) builds[i](c, { go });
          ms[i] += cpuMs() - t;
        }
      }
    }
    const rate = (t: number) => Math.round((cases.length * passes) / (t / 1000));
    return { go, rates: [rate(ms[0]), rate(ms[1])], ratio: ms[0] / ms[1] };
  });
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node dist/bench/sim-ab.js OTHER_DIST [--warm]");
  const other = (require(path.resolve(dir, "kernel-helpers", "sim")) as { simulate: Simulate }).simulate;
  const self = simulate as Simulate;
  const n = (x: number) => x.toLocaleString("en-US");
  process.stdout.write(`simulate(), make cases, ${path.resolve(dir)} against this build (cases per CPU second${process.argv.includes("--warm") ? ", after every matrix case" : ""})\n| Go | other | this | this/other |\n|---|---|---|---|\n`);
  for (const r of simAB(other, self, { warm: process.argv.includes("--warm") })) {
    process.stdout.write(`| ${r.go} | ${n(r.rates[0])} | ${n(r.rates[1])} | **${r.ratio.toFixed(2)}×** |\n`);
  }
}
