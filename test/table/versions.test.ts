import { test } from "node:test";
import assert from "node:assert/strict";
import { benchmarkColumns, breakpointColumns, escapeCell, pathCell, versionColumns, mallocsText, readableTable } from "../../kernel-helpers/table";
import { parseCase } from "../../kernel-helpers/case";
import { Observation, SimulatedAsMeasured } from "../../kernel-helpers/store";

// Shapes only: these numbers are placeholders, not claims about Go.
const base = (text: string, go: string, mallocs: number, allocatedBytes: number): Observation => {
  const c = parseCase(text);
  const r: SimulatedAsMeasured = {
    go, goarch: "amd64", backend: "simulate", case: c, mallocs, allocatedBytes, runs: 1, deterministic: true,
    memstats: { mallocs, totalAlloc: allocatedBytes, heapObjects: mallocs }, metrics: {}, bySize: [], escape: [],
    build: { gcflags: [], debug: false, goexperiment: "", goos: "linux", cached: false },
  };
  return { experiment: { case: c, debug: false }, toolchain: { go, goarch: "amd64", goexperiment: "" }, source: { kind: "recorded", file: "f", at: "2026-11-24" }, result: r };
};

test("one row per program, one column per Go version, in the order seen", () => {
  const t = versionColumns([
    base("make([]int, 10)", "1.19.8", 1, 96), base("make(map[int]int)", "1.19.8", 1, 48),
    base("make([]int, 10)", "1.26.8", 1, 80), base("make(map[int]int)", "1.26.8", 2, 2048),
  ]);
  assert.deepEqual(t.columnNames(), ["program", "build", "Go 1.19.8", "Go 1.26.8"]);
  assert.deepEqual(t.array("program"), ["make([]int, 10)", "make(map[int]int)"]);
  assert.deepEqual(t.array("Go 1.26.8"), ["1 malloc, 80 B", "2 mallocs, 2 KiB"]);
});

test("a version without that program says so, and a simulated cell is labelled", () => {
  const sim = { ...base("make([]int, 10)", "1.27.3", 0, 0), source: { kind: "simulated" as const, model: "m" } };
  const t = versionColumns([base("make([]int, 10)", "1.26.8", 1, 80), base("make([]int, 20)", "1.26.8", 1, 160), sim]);
  assert.deepEqual(t.array("Go 1.27.3"), ["0 mallocs, 0 B (simulated)", "—"]);
});

test("the build column is said once when every row has the same build", () => {
  const r = readableTable(versionColumns([base("make([]int, 10)", "1.26.8", 1, 80), base("make([]int, 20)", "1.26.8", 1, 160)]));
  assert.ok(r.constants.includes("build: optimized"));
  assert.ok(!r.headers.includes("build"));
});

test("a hash-dependent count reads as its range and median", () => {
  const o = base("make(map[int]int, 100)", "1.19.8", 3, 100);
  assert.equal(mallocsText({ ...o.result, distribution: { runs: 3, min: 3, median: 3, max: 4, values: [3, 3, 4] } }), "3–4 mallocs (median 3)");
  assert.equal(mallocsText(o.result), "3 mallocs");
});

test("an escape cell gives the compiler's decision, then the count", () => {
  const o = base("make([]int, 10)", "1.26.8", 0, 0);
  const measured = { ...o, result: { ...o.result, backend: "measure" as const, escape: [{ line: 1, column: 1, expr: "make([]int, 10)", decision: "stack" as const, message: "m" }] } };
  assert.equal(escapeCell(measured as unknown as Observation), "does not escape, 0 mallocs");
  assert.equal(escapeCell(o), "(no -m line), 0 mallocs");
});

test("a path cell gives the bytes taken and the path of a simulated run's allocation", () => {
  const o = base("make([]int, 10)", "1.26.8", 1, 80);
  const sim = { ...o, source: { kind: "simulated" as const, model: "m" }, result: { ...o.result, allocations: [{ size: 80, rounded: 80, sizeClass: 7, path: "small" as const, noscan: true, site: "runtime.makeslice" }] } };
  assert.match(pathCell(sim), /^80 B: .+ \(simulated\)$/);
});

test("breakpoint counts: a row per runtime function, a column per Go version, absent ones said so", () => {
  const fn = (name: string, present: boolean, wholeRun: number) => ({ family: "growWork" as const, name, source: "s", what: `w ${name}`, present, wholeRun, perCase: [wholeRun, 0], firstStack: [] });
  const result = (go: string, functions: ReturnType<typeof fn>[]) => ({ go, goarch: "amd64", workload: [], gcOff: true as const, functions, build: {} as never, delve: { path: "", version: "" } });
  const t = breakpointColumns([result("1.19.8", [fn("runtime.growWork", true, 1200)]), result("1.26.8", [fn("runtime.growWork", false, 0), fn("maps.rehash", true, 3)])]);
  assert.deepEqual(t.columnNames(), ["function", "Go 1.19.8", "Go 1.26.8", "what it is"]);
  assert.deepEqual(t.array("Go 1.19.8"), ["1,200 (1200 / 0)", "not in this runtime"]);
  assert.deepEqual(t.array("Go 1.26.8"), ["not in this runtime", "3 (3 / 0)"]);
});

test("benchmarks: a row per case, a column per Go version", () => {
  const c = parseCase("make([]int, 10)");
  const b = (go: string, allocsPerOp: number, bytesPerOp: number) => ({ go, case: c, iterations: 1, nsPerOp: 1, bytesPerOp, allocsPerOp });
  const t = benchmarkColumns([b("1.19.8", 1, 96), b("1.26.8", 1, 8192)]);
  assert.deepEqual(t.columnNames(), ["benchmark", "Go 1.19.8", "Go 1.26.8"]);
  assert.deepEqual(t.array("Go 1.26.8"), ["1 allocs/op, 8 KiB/op"]);
});
