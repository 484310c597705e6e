/**
 * Where a measured batch's time goes, step by step, from the same state as the batch (Go's build
 * cache warm, golab's probe cache empty): generating the probe, `go build` (split by Go's own
 * `-debug-trace` into loading packages, compiling the probe package, linking), running the probe,
 * and reading its output. One pass, after the timed batches; a figure for reading, not a ratio.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case } from "../kernel-helpers/case";
import { languageVersion, Toolchain } from "../kernel-helpers/go";
import { gcflagsFor, generateProbe, ldflagsFor, parseProbeOutput, PROBE_MODULE } from "../kernel-helpers/probe";
import { runProcess, withTempDir } from "../kernel-helpers/proc";

/** Milliseconds of each step of one batch. */
export interface BatchSteps {
  generate: number;
  /** The whole `go build`, and the parts its trace names (the rest: start-up, cache checks, writing). */
  build: number;
  load: number;
  compile: number;
  link: number;
  run: number;
  parse: number;
}

/** Duration (ms) of the first complete span in Go's -debug-trace whose name starts with `name`. */
function span(events: { name: string; ph: string; ts: number; dur?: number }[], name: string): number {
  const begin = events.find((e) => e.ph === "B" && e.name.startsWith(name));
  const end = begin && events.find((e) => e.ph === "E" && e.name === begin.name && e.ts >= begin.ts);
  const whole = events.find((e) => e.ph === "X" && e.name.startsWith(name));
  if (begin && end) return (end.ts - begin.ts) / 1000;
  return whole?.dur !== undefined ? whole.dur / 1000 : NaN;
}

/** Times each step of measuring `cases` with `runs` calls, as measureWith does them. */
export async function batchSteps(tc: Toolchain, cases: readonly Case[], runs: number, memCap: number): Promise<BatchSteps> {
  let t = performance.now();
  const probe = generateProbe(cases, languageVersion(tc.version));
  const generate = performance.now() - t;
  return withTempDir("bench-steps", async (work) => {
    fs.writeFileSync(path.join(work, "main.go"), probe.source);
    fs.writeFileSync(path.join(work, "go.mod"), probe.goMod);
    const trace = path.join(work, "trace.json");
    const binary = path.join(work, "probe");
    t = performance.now();
    await runProcess(tc.goBinary, ["build", `-debug-trace=${trace}`, "-o", binary, ...gcflagsFor(false), ...ldflagsFor(false), "."], { cwd: work, env: tc.env, timeoutMs: 300_000 });
    const build = performance.now() - t;
    const events = JSON.parse(fs.readFileSync(trace, "utf8")) as { name: string; ph: string; ts: number; dur?: number }[];
    t = performance.now();
    const out = await runProcess(binary, [String(runs), String(memCap)], { env: tc.env, timeoutMs: 600_000 });
    const run = performance.now() - t;
    t = performance.now();
    parseProbeOutput(out.stdout, cases.length, runs);
    const parse = performance.now() - t;
    return {
      generate,
      build,
      load: span(events, "load.PackagesAndErrors"),
      compile: span(events, `Executing action (build ${PROBE_MODULE})`),
      link: span(events, `Executing action (link ${PROBE_MODULE})`),
      run,
      parse,
    };
  });
}

/** The steps as one table row each. */
export function stepsTable(s: BatchSteps, cases: number): string {
  const rows: [string, number][] = [
    ["generate the probe's Go source", s.generate],
    ["go build, all of it", s.build],
    ["  of which: load packages (go list's work)", s.load],
    ["  of which: compile the probe package (with -m)", s.compile],
    ["  of which: link (without symbol table and DWARF)", s.link],
    ["run the probe (start, warm-up, every call, output)", s.run],
    ["read its output", s.parse],
  ];
  const total = s.generate + s.build + s.run + s.parse;
  return [
    `where one batch's time goes (${cases} cases, one pass, Go's build cache warm; the build's parts from go build -debug-trace)`,
    "",
    "| step | ms | share |",
    "|---|---|---|",
    ...rows.map(([what, ms]) => `| ${what} | ${ms.toFixed(1)} | ${((100 * ms) / total).toFixed(0)}% |`),
  ].join("\n");
}
