/**
 * The live-only checks on synthetic evidence: numbers made up by the test (labelled as a
 * stand-in, never as a run) show that each check can confirm, refute, say "inconclusive" and
 * say "no evidence".
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadClaims, evidenceFrom, runCheck, Claim } from "../../kernel-helpers/claims";
import { parseCase } from "../../kernel-helpers/case";
import { FragmentationSample, GcLatencyRow, GcSetting } from "../../kernel-helpers/experiments";
import { Source } from "../../kernel-helpers/store";

const claims = loadClaims();
const claim = (id: string): Claim => claims.find((c) => c.id === id)!;
const SYNTHETIC: Source = { kind: "simulated", model: "a test's made-up numbers" };
const none = () => evidenceFrom("0.0.0", SYNTHETIC, []);

// ---- 2.5a: GC on and off, repeated runs --------------------------------------------------

/** Made-up runs: one row per run and setting, ns per malloc = base + run-to-run spread. */
function gcRows(on: number[], off: number[]): GcLatencyRow[] {
  const row = (gc: GcSetting, run: number, ns: number): GcLatencyRow => ({ go: "0.0.0", case: parseCase("make([]byte, 64)"), gc, run, nsPerOp: ns, allocsPerOp: 1, nsPerMalloc: ns });
  return [...on.map((ns, i) => row("on (GOGC=100)", i, ns)), ...off.map((ns, i) => row("off (GOGC=off)", i, ns))];
}
const spread = (base: number, step: number, n = 10) => Array.from({ length: n }, (_, i) => base + step * i);
const gcVerdict = (on: number[], off: number[]) => runCheck(claim("2.5a"), { ...none(), gc: gcRows(on, off) });

test("2.5a: the article's figures with separate intervals confirm it; the reason gives medians and intervals", () => {
  const v = gcVerdict(spread(12_000, 100), spread(3_000, 30));
  assert.equal(v.verdict, "confirmed");
  assert.match(v.reason, /GC on 12450\.0 ns \[12100\.0, 12800\.0\], GOGC=off 3135\.0 ns \[3030\.0, 3240\.0\]/);
  assert.match(v.reason, /10 runs of each setting/);
});

test("2.5a: intervals that overlap are inconclusive, even with figures near the article's", () => {
  const v = gcVerdict(spread(6_000, 100), spread(5_500, 100));
  assert.equal(v.verdict, "inconclusive");
  assert.match(v.reason, /overlap/);
});

test("2.5a: fewer than 6 runs cannot give a 95% interval: inconclusive", () => {
  assert.equal(gcVerdict(spread(12_000, 100, 5), spread(3_000, 30, 5)).verdict, "inconclusive");
});

test("2.5a: latencies wholly outside a factor of 2 of the article's refute its figures", () => {
  const v = gcVerdict(spread(20, 1), spread(15, 1));
  assert.equal(v.verdict, "refuted");
  assert.match(v.reason, /outside a factor of 2/);
});

test("2.5a: the reason says which way the settings differ when the figures are refuted", () => {
  assert.equal(gcVerdict(spread(8_000, 10), spread(5_000, 10)).verdict, "confirmed");
  const slower = gcVerdict(spread(7_000, 10), spread(7_500, 10));
  assert.equal(slower.verdict, "refuted");
  assert.match(slower.reason, /GOGC=off is slower here/);
});

test("2.5a: no benchmarks, no evidence", () => {
  assert.equal(runCheck(claim("2.5a"), none()).verdict, "no evidence");
});

// ---- 4.3: churn, stable over the run -------------------------------------------------------

/** Made-up samples of one workload: `n` per half, with the given free and unused bytes per 100 object bytes. */
function churn(workload: "slices" | "maps", first: [number, number], second: [number, number], n = 10): FragmentationSample[] {
  return [...Array(n).fill(first), ...Array(n).fill(second)].map(([free, unused], i) => ({
    go: "0.0.0", workload, seconds: i / 10, values: { objects: 100, unused, free, released: 0, live: null, scanHeap: null, gcCycles: i },
  }));
}
const fragVerdict = (samples: FragmentationSample[]) => runCheck(claim("4.3"), { ...none(), fragmentation: samples });

test("4.3: stable figures decide: slices' free pages and maps' unused slots confirm, the reverse refutes", () => {
  const yes = fragVerdict([...churn("slices", [50, 2], [52, 2]), ...churn("maps", [10, 20], [11, 21])]);
  assert.equal(yes.verdict, "confirmed");
  assert.match(yes.reason, /First and second half differ by at most \d+% \(tolerance 35%\)/);
  assert.equal(fragVerdict([...churn("slices", [10, 2], [10, 2]), ...churn("maps", [50, 20], [50, 20])]).verdict, "refuted");
});

test("4.3: figures that drift between the halves are inconclusive", () => {
  const v = fragVerdict([...churn("slices", [50, 2], [100, 2]), ...churn("maps", [10, 20], [10, 20])]);
  assert.equal(v.verdict, "inconclusive");
  assert.match(v.reason, /slices figures are not stable/);
});

test("4.3: no series, or one workload missing, is no evidence", () => {
  assert.equal(runCheck(claim("4.3"), none()).verdict, "no evidence");
  assert.equal(fragVerdict(churn("slices", [50, 2], [50, 2])).verdict, "no evidence");
});

// ---- 4.4 and 2.4a ----------------------------------------------------------------------------

test("4.4: refuted when pprof names the inlined function, confirmed when it loses it", () => {
  const ev = (helperNamed: boolean, inlined = true) => ({
    ...none(), pprof: { go: "0.0.0", inlined, helperNamed, frames: helperNamed ? ["main.newBuffer (inline)", "main.handle"] : ["main.handle"], trace: "" },
  });
  assert.equal(runCheck(claim("4.4"), ev(true)).verdict, "refuted");
  assert.equal(runCheck(claim("4.4"), ev(false)).verdict, "confirmed");
  assert.equal(runCheck(claim("4.4"), ev(true, false)).verdict, "no evidence", "without inlining the profile proves nothing");
});

test("2.4a: growWork firing with the GC off, or absent, refutes; no growWork hits is no evidence", () => {
  const fn = (family: "sysAlloc" | "allocLarge" | "growWork", name: string, wholeRun: number) =>
    ({ family, name, source: "", what: "", present: true, wholeRun, perCase: [], firstStack: [] });
  const ev = (growName: string, growHits: number) => ({
    ...none(),
    breakpoints: {
      go: "0.0.0", goarch: "amd64", workload: [], gcOff: true as const, build: { gcflags: [], debug: false, goexperiment: "", goos: "linux", cached: false },
      delve: { path: "", version: "" }, functions: [fn("sysAlloc", "runtime.sysAlloc", 3), fn("allocLarge", "runtime.(*mcache).allocLarge", 5), fn("growWork", growName, growHits)],
    },
  });
  assert.equal(runCheck(claim("2.4a"), ev("runtime.growWork_fast64", 100)).verdict, "refuted");
  assert.equal(runCheck(claim("2.4a"), ev("internal/runtime/maps.(*table).rehash", 100)).verdict, "refuted");
  assert.equal(runCheck(claim("2.4a"), ev("runtime.growWork_fast64", 0)).verdict, "no evidence");
  assert.equal(runCheck(claim("2.4a"), none()).verdict, "no evidence");
});
