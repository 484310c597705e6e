/**
 * The verdict logic on synthetic evidence: results made up for the test (clearly not claims about
 * Go) show that each check can say both "confirmed" and "refuted".
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadClaims, experimentsOf, evidenceFrom, runCheck, computeVerdicts, Claim } from "../../kernel-helpers/claims";
import { parseCase } from "../../kernel-helpers/case";
import { validationMatrix } from "../../kernel-helpers/record";
import { Source } from "../../kernel-helpers/store";
import { MeasureResult } from "../../kernel-helpers/measure";

const claims = loadClaims();
// Made-up results: what a test built by hand, labelled as a simulated stand-in, never as a run.
const SYNTHETIC: Source = { kind: "simulated", model: "a test's made-up numbers" };

test("every claim of CLAIMS.md is in the registry, once", () => {
  const ids = claims.map((c) => c.id);
  const expected = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1a", "2.1b", "2.2a", "2.2b", "2.2c", "2.3a", "2.3b", "2.4a", "2.5a", "2.5b", "3.1a", "3.2a", "3.3a", "4.1a", "4.1b", "4.2", "4.3", "4.4"];
  assert.deepEqual(ids, expected);
});

test("every experiment a claim needs is in the validation matrix, so recorded datasets can serve it", () => {
  const matrix = new Set(validationMatrix().map((c) => JSON.stringify(parseCase(c))));
  for (const claim of claims) {
    for (const e of experimentsOf(claim)) assert.ok(matrix.has(JSON.stringify(e.case)), `claim ${claim.id}: ${JSON.stringify(e.case)}`);
  }
});

/** A made-up result: every field a check reads, with the numbers the test chooses. */
function fake(text: string, { mallocs, bytes = 0, sizes = [] as [number, number | null][], debug = false, escape = [] as ("heap" | "stack")[] }: { mallocs: number; bytes?: number; sizes?: [number, number | null][]; debug?: boolean; escape?: ("heap" | "stack")[] }): MeasureResult {
  return {
    go: "0.0.0", goarch: "amd64", backend: "measure", case: parseCase(text), mallocs, allocatedBytes: bytes, runs: 1, deterministic: true,
    memstats: { mallocs, totalAlloc: bytes, heapObjects: mallocs }, metrics: {},
    bySize: sizes.map(([min, max]) => ({ min, max, count: 1 })),
    escape: escape.map((decision) => ({ line: 1, column: 1, expr: "x", decision, message: "" })),
    build: { gcflags: [], debug, goexperiment: "", goos: "linux", cached: false },
  };
}

const claim = (id: string): Claim => claims.find((c) => c.id === id)!;
const verdictOf = (id: string, results: MeasureResult[]) => runCheck(claim(id), evidenceFrom("0.0.0", SYNTHETIC, results)).verdict;

test("allocations: the count and the sizes must both match", () => {
  const variant = fake("make(map[int]int, 1000)", { mallocs: 3 });
  assert.equal(verdictOf("1.1", [fake("_ = make(map[int]int, 1000)", { mallocs: 2, sizes: [[33, 48], [113, 128]], debug: true }), variant]), "confirmed");
  assert.equal(verdictOf("1.1", [fake("_ = make(map[int]int, 1000)", { mallocs: 2, sizes: [[33, 48], [32769, null]], debug: true }), variant]), "refuted");
  assert.equal(verdictOf("1.1", [fake("_ = make(map[int]int, 1000)", { mallocs: 3, sizes: [[113, 128]], debug: true }), variant]), "refuted");
});

test("a missing result gives 'no evidence', never a guess", () => {
  assert.equal(verdictOf("1.1", []), "no evidence");
});

test("reduction: within five points of the article's percentage, or refuted", () => {
  const mk = (a: number, b: number) => [fake('{"op":"append","elem":"int","n":1000,"start":"make","len":0,"cap":1000}', { mallocs: a }), fake('{"op":"append","elem":"int","n":1000,"start":"nil"}', { mallocs: b })];
  assert.equal(verdictOf("4.1b", mk(1, 100)), "confirmed");
  assert.equal(verdictOf("4.1b", mk(1, 10)), "refuted");
});

test("mapEscapes: a map kept on the stack refutes 'maps almost always escape'", () => {
  const texts = ['{"op":"makemap","key":"int","elem":"int","escape":"stack"}', '{"op":"makemap","key":"int","elem":"int","hint":8,"escape":"stack"}'];
  assert.equal(verdictOf("3.1a", texts.map((t) => fake(t, { mallocs: 0, escape: ["stack"] }))), "refuted");
  assert.equal(verdictOf("3.1a", texts.map((t) => fake(t, { mallocs: 1, escape: ["heap"] }))), "confirmed");
});

test("overall: the same verdict everywhere, or 'depends on the Go version'", () => {
  const ok = evidenceFrom("1.0.0", SYNTHETIC, [fake("make([]int, 10)", { mallocs: 1, bytes: 96 })]);
  const no = evidenceFrom("2.0.0", SYNTHETIC, [fake("make([]int, 10)", { mallocs: 1, bytes: 80 })]);
  assert.equal(computeVerdicts([claim("2.1a")], [ok, ok])[0].overall, "confirmed");
  assert.equal(computeVerdicts([claim("2.1a")], [no, no])[0].overall, "refuted");
  assert.equal(computeVerdicts([claim("2.1a")], [ok, no])[0].overall, "depends on the Go version");
});

test("claims without an experiment say so instead of a verdict", () => {
  assert.equal(verdictOf("4.2", []), "cannot be tested here");
  const pending: Claim = { id: "x", chapter: 0, claim: "a claim whose experiment is not written", article: {}, check: { kind: "pending", needs: "an experiment" } };
  assert.equal(runCheck(pending, evidenceFrom("0.0.0", SYNTHETIC, [])).verdict, "no experiment yet");
});

test("parameters fill the cases and the article's scaled values; defaults are the article's own", () => {
  const byId = (cs: Claim[], id: string) => cs.find((c) => c.id === id)!;
  const def = loadClaims();
  assert.deepEqual(byId(def, "1.2").article.sizes, [8000]);
  const changed = loadClaims({ parameters: { len: 2000, hint: 5000 } });
  const c12 = byId(changed, "1.2");
  assert.equal(c12.check.kind === "allocations" && c12.check.case, "_ = make([]int, 2000)");
  assert.deepEqual(c12.article.sizes, [16000]);
  assert.deepEqual(byId(changed, "1.1").also?.map((a) => a.case), ["make(map[int]int, 5000)"]);
  // A claim tied to one size of the article's keeps it.
  const c21 = byId(changed, "2.1a");
  assert.equal(c21.check.kind === "allocations" && c21.check.case, "make([]int, 10)");
  assert.throws(() => loadClaims({ parameters: { len: -1 } }), /parameter len must be a whole number/);
});

// The four live-only kinds (gcLatency, pprofInlining, fragmentation, breakpointFrequency): test/claims/live-checks.test.ts.
