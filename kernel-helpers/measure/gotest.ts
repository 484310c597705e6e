/**
 * benchmark: the cases as `go test -bench -benchmem` benchmarks, the tool the article's chapter 4
 * uses: allocs/op, B/op and ns/op per case. One test file holds a Benchmark function per case, so
 * a batch is one build and one `go test` run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case, parseCase } from "../case";
import { GolabError } from "../errors";
import { findToolchain, languageVersion } from "../go";
import { generateProbe } from "../probe";
import { runProcess, withTempDir } from "../proc";

export interface BenchmarkResult {
  go: string;
  case: Case;
  /** b.N of the measured run. */
  iterations: number;
  nsPerOp: number;
  bytesPerOp: number;
  allocsPerOp: number;
}

/** Runtime settings a benchmark may run under; nothing else reaches the environment. */
export interface RuntimeSettings {
  /** "off" or a percentage, e.g. "100". */
  GOGC?: string;
  /** e.g. "gctrace=1". */
  GODEBUG?: string;
}

export interface BenchmarkOptions {
  go?: string;
  /** GOGC / GODEBUG for the benchmark run (the build is unaffected). */
  runtime?: RuntimeSettings;
  /** -benchtime, e.g. "1000x" or "200ms". Default "200ms". */
  benchtime?: string;
  timeoutMs?: number;
  /** Everything the run printed (stdout, then stderr), e.g. for gctrace lines. */
  onOutput?: (text: string) => void;
}

/** probe_test.go: a BenchmarkCaseN per probe function, after setup() (exported so pages can show it). */
export function benchmarkTestFile(count: number): string {
  const benches = Array.from({ length: count }, (_, i) => `
func BenchmarkCase${i}(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		probe${i}()
	}
}
`).join("");
  return `package main

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	setup()
	os.Exit(m.Run())
}
${benches}`;
}

/** GOGC is "off" or a whole percentage; GODEBUG is a comma list of name=number settings. */
export function checkRuntime(runtime: RuntimeSettings): void {
  for (const key of Object.keys(runtime)) {
    if (key !== "GOGC" && key !== "GODEBUG") throw new GolabError(`unsupported runtime setting ${JSON.stringify(key)}: use GOGC or GODEBUG`);
  }
  if (runtime.GOGC !== undefined && !/^(off|\d{1,5})$/.test(runtime.GOGC)) throw new GolabError(`invalid GOGC ${JSON.stringify(runtime.GOGC)}: "off" or a percentage`);
  if (runtime.GODEBUG !== undefined && !/^[a-z0-9]+=\d+(,[a-z0-9]+=\d+)*$/.test(runtime.GODEBUG)) throw new GolabError(`invalid GODEBUG ${JSON.stringify(runtime.GODEBUG)}: name=number settings`);
}

/** A benchtime as `go test` takes it, and the runtime settings. */
function checkSettings(benchtime: string, runtime: RuntimeSettings): void {
  if (!/^(\d+x|\d+(ms|s))$/.test(benchtime)) throw new GolabError(`invalid benchtime ${JSON.stringify(benchtime)}: use e.g. 1000x or 200ms`);
  checkRuntime(runtime);
}

/** One gctrace line, wherever it falls (it can share a line with a benchmark's name). */
const GCTRACE = /gc \d+ @[\d.]+s [^\n]*? \d+ P(?: \(forced\))?/g;

const RESULT = /BenchmarkCase(\d+)(?:-\d+)?\s+(\d+)\s+([\d.]+) ns\/op\s+(\d+) B\/op\s+(\d+) allocs\/op/g;

/** The arguments of `go` that run the benchmarks. */
export function benchmarkArgs(benchtime: string): string[] {
  return ["test", "-run", "^$", "-bench", ".", "-benchmem", `-benchtime=${benchtime}`, "-count=1"];
}

/** One run of a built benchmark binary: its settings and what it printed. */
export interface BenchmarkRun {
  runtime?: RuntimeSettings;
  benchtime?: string;
  onOutput?: (text: string) => void;
}

/** The `-test.*` flags of a built test binary that do what benchmarkArgs asks of `go test`. */
function testBinaryArgs(benchtime: string): string[] {
  return ["-test.run", "^$", "-test.bench", ".", "-test.benchmem", `-test.benchtime=${benchtime}`, "-test.count=1"];
}

/**
 * Builds the cases' benchmarks once (`go test -c`, what `go test` itself builds) and hands `work`
 * a function that runs the binary as a fresh process, as `go test -bench` would: repeated runs
 * (GC on and off, ten times each) skip the go command and its link, and measure the same thing.
 */
export async function withBenchmarks<T>(
  input: readonly (Case | string)[], { go, timeoutMs = 600_000 }: { go?: string; timeoutMs?: number },
  work: (run: (options?: BenchmarkRun) => Promise<BenchmarkResult[]>) => Promise<T>,
): Promise<T> {
  const cases = input.map((c) => parseCase(c));
  const tc = await findToolchain(go);
  const probe = generateProbe(cases, languageVersion(tc.version));
  return withTempDir("bench", async (dir) => {
    fs.writeFileSync(path.join(dir, "main.go"), probe.source);
    fs.writeFileSync(path.join(dir, "go.mod"), probe.goMod);
    fs.writeFileSync(path.join(dir, "probe_test.go"), benchmarkTestFile(cases.length));
    await runProcess(tc.goBinary, ["test", "-c", "-o", "probe.test", "."], { cwd: dir, env: { ...tc.env, GOTMPDIR: dir }, timeoutMs });
    return work(async ({ runtime = {}, benchtime = "200ms", onOutput } = {}) => {
      checkSettings(benchtime, runtime);
      const { stdout, stderr } = await runProcess(path.join(dir, "probe.test"), testBinaryArgs(benchtime), { cwd: dir, env: { ...tc.env, ...runtime }, timeoutMs });
      onOutput?.(`${stdout}\n${stderr}`);
      const results: BenchmarkResult[] = [];
      // GODEBUG=gctrace=1 output can land between a benchmark's name and its figures: drop it first.
      const text = stdout.replace(GCTRACE, "");
      for (const m of text.matchAll(RESULT)) {
        const i = Number(m[1]);
        results[i] = { go: tc.version, case: cases[i], iterations: Number(m[2]), nsPerOp: Number(m[3]), bytesPerOp: Number(m[4]), allocsPerOp: Number(m[5]) };
      }
      if (results.filter(Boolean).length !== cases.length) throw new GolabError(`go test -bench reported ${results.filter(Boolean).length} of ${cases.length} benchmarks:\n${stdout.slice(-500)}`);
      return results;
    });
  });
}

/** Runs every case as a benchmark in one run of its test binary, and reads its lines. */
export async function benchmark(input: readonly (Case | string)[], { go, runtime = {}, benchtime = "200ms", timeoutMs = 600_000, onOutput }: BenchmarkOptions = {}): Promise<BenchmarkResult[]> {
  // Bad settings are refused before anything is built.
  checkSettings(benchtime, runtime);
  return withBenchmarks(input, { go, timeoutMs }, (run) => run({ runtime, benchtime, onOutput }));
}
