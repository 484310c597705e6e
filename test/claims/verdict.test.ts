/**
 * The verdict logic on synthetic evidence: results made up for the test (clearly not claims about
 * Go) show that each check can say both "confirmed" and "refuted".
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadClaims, experimentsOf, evidenceFrom, runCheck, computeVerdicts, overallOf, fromParts, explain, Claim } from "../../kernel-helpers/claims";
import { describeCase, parseCase } from "../../kernel-helpers/case";
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
function fake(text: string, { mallocs, bytes = 0, sizes = [] as [number, number | null][], debug = false, escape = [] as ("heap" | "stack")[], go = "0.0.0" }: { mallocs: number; bytes?: number; sizes?: [number, number | null][]; debug?: boolean; escape?: ("heap" | "stack")[]; go?: string }): MeasureResult {
  return {
    go, goarch: "amd64", backend: "measure", case: parseCase(text), mallocs, allocatedBytes: bytes, runs: 1, deterministic: true,
    memstats: { mallocs, totalAlloc: bytes, heapObjects: mallocs }, metrics: {},
    bySize: sizes.map(([min, max]) => ({ min, max, count: 1 })),
    escape: escape.map((decision) => ({ line: 1, column: 1, expr: "x", decision, message: "" })),
    build: { gcflags: [], debug, goexperiment: "", goos: "linux", cached: false },
  };
}

const claim = (id: string): Claim => claims.find((c) => c.id === id)!;
const verdictOf = (id: string, results: MeasureResult[]) => runCheck(claim(id), evidenceFrom("0.0.0", SYNTHETIC, results)).verdict;

test("allocations: the count and the sizes are parts, each decided", () => {
  const variant = fake("make(map[int]int, 1000)", { mallocs: 3 });
  const article = (mallocs: number, sizes: [number, number | null][]) => fake("_ = make(map[int]int, 1000)", { mallocs, sizes, debug: true });
  assert.equal(verdictOf("1.1", [article(2, [[33, 48], [113, 128]]), variant]), "confirmed");
  const countOnly = runCheck(claim("1.1"), evidenceFrom("0.0.0", SYNTHETIC, [article(2, [[33, 48], [32769, null]]), variant]));
  assert.equal(countOnly.verdict, "partly true", "the count is right but the allocations are different ones");
  assert.deepEqual(countOnly.parts?.map((p) => [p.says, p.holds]), [["2 mallocgc calls", true], ["an allocation of 128 B", false]]);
  assert.match(countOnly.reason, /^“2 mallocgc calls” holds; “an allocation of 128 B” does not\./);
  assert.equal(verdictOf("1.1", [article(3, [[113, 128]]), variant]), "partly true");
  assert.equal(verdictOf("1.1", [article(3, [[1, 8]]), variant]), "refuted");
});

test("a missing result gives 'no evidence', never a guess", () => {
  assert.equal(verdictOf("1.1", []), "no evidence");
});

test("reduction: within five points of the article's percentage, or refuted", () => {
  const mk = (a: number, b: number) => [fake('{"op":"append","elem":"int","n":1000,"start":"make","len":0,"cap":1000}', { mallocs: a }), fake('{"op":"append","elem":"int","n":1000,"start":"nil"}', { mallocs: b })];
  assert.equal(verdictOf("4.1b", mk(1, 100)), "confirmed");
  assert.equal(verdictOf("4.1b", mk(1, 10)), "refuted");
});

test("3.1a is split: the map half and the slice half are decided apart", () => {
  const maps = ['{"op":"makemap","key":"int","elem":"int","escape":"stack"}', '{"op":"makemap","key":"int","elem":"int","hint":8,"escape":"stack"}'];
  const slices = ['{"op":"makeslice","elem":"int","len":10,"escape":"stack"}', '{"op":"makeslice","elem":"int","len":8193,"escape":"stack"}',
    '{"op":"makeslice","elem":"int","len":10,"constSize":false,"escape":"stack"}'];
  const heap = (t: string) => fake(t, { mallocs: 1, escape: ["heap"] });
  const stack = (t: string) => fake(t, { mallocs: 0, escape: ["stack"] });
  const run = (m: (t: string) => MeasureResult, s: (t: string) => MeasureResult) => runCheck(claim("3.1a"), evidenceFrom("0.0.0", SYNTHETIC, [...maps.map(m), ...slices.map(s)]));
  assert.equal(run(heap, stack).verdict, "confirmed");
  assert.equal(run(stack, heap).verdict, "refuted");
  const half = run(heap, heap);
  assert.equal(half.verdict, "partly true");
  assert.deepEqual(half.parts?.map((p) => p.holds), [true, false]);
  assert.match(half.reason, /^“a map almost always escapes and is heap allocated” holds; “a slice never escapes unless its address is taken” does not/);
  assert.equal(runCheck(claim("3.1a"), evidenceFrom("0.0.0", SYNTHETIC, maps.map(heap))).verdict, "no evidence", "a part without evidence leaves the claim undecided");
});

test("overall: the same verdict everywhere, or 'depends on the Go version'", () => {
  const ev = (go: string, sizes: [number, number | null][], bytes: number) => evidenceFrom(go, SYNTHETIC, [fake("make([]int, 10)", { mallocs: 1, bytes, sizes })]);
  const ok = ev("1.0.0", [[65, 80]], 96);
  const half = ev("2.0.0", [[65, 80]], 80);
  const no = ev("3.0.0", [[1, 8]], 8);
  assert.equal(computeVerdicts([claim("2.1a")], [ok, ok])[0].overall, "confirmed");
  assert.equal(computeVerdicts([claim("2.1a")], [half, half])[0].overall, "partly true");
  assert.equal(computeVerdicts([claim("2.1a")], [no, no])[0].overall, "refuted");
  assert.equal(computeVerdicts([claim("2.1a")], [ok, no])[0].overall, "depends on the Go version");
  assert.equal(computeVerdicts([claim("2.1a")], [half, no])[0].overall, "depends on the Go version");
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
  assert.equal(byId(def, "1.2").reader, undefined, "at the article's own values there is nothing beside");
  const changed = loadClaims({ parameters: { len: 2000, hint: 5000 } });
  // The claim is still decided at the article's values; the reader's are beside it.
  const c12 = byId(changed, "1.2");
  assert.equal(c12.check.kind === "allocations" && c12.check.case, "_ = make([]int, 1000)");
  assert.deepEqual(c12.article.sizes, [8000]);
  assert.equal(c12.reader?.check.kind === "allocations" && c12.reader.check.case, "_ = make([]int, 2000)");
  assert.deepEqual(c12.reader?.article.sizes, [16000]);
  assert.deepEqual(byId(changed, "1.1").reader?.also?.map((a) => a.case), ["make(map[int]int, 5000)"]);
  const texts = (c: Claim) => experimentsOf(c).map((e) => describeCase(e.case));
  assert.ok(texts(byId(changed, "1.1")).includes("make(map[int]int, 1000)") && texts(byId(changed, "1.1")).includes("make(map[int]int, 5000)"), "both settings are gathered");
  // Parts fill their own cases and article values.
  const c23 = byId(changed, "2.3a");
  assert.equal(c23.reader?.check.kind === "parts" && c23.reader.check.parts[0].says, "make([]int, 2000) makes one 8 KB allocation");
  assert.deepEqual(c23.reader?.check.kind === "parts" && c23.reader.check.parts[0].article.sizes, [16000]);
  // A claim tied to one size of the article's keeps it.
  const c21 = byId(changed, "2.1a");
  assert.equal(c21.check.kind === "allocations" && c21.check.case, "make([]int, 10)");
  assert.throws(() => loadClaims({ parameters: { len: -1 } }), /parameter len must be a whole number/);
});

// The four live-only kinds (gcLatency, pprofInlining, fragmentation, breakpointFrequency): test/claims/live-checks.test.ts.

test("parts: all hold → confirmed; some → partly true, naming which; none → refuted (made-up parts)", () => {
  const part = (says: string, holds: boolean) => ({ says, holds, reason: "made up" });
  assert.equal(fromParts([part("a", true), part("b", true)], []).verdict, "confirmed");
  assert.equal(fromParts([part("a", false), part("b", false)], []).verdict, "refuted");
  const some = fromParts([part("the count", true), part("the sizes", false)], []);
  assert.equal(some.verdict, "partly true");
  assert.match(some.reason, /^“the count” holds; “the sizes” does not\./);
  assert.equal(fromParts([part("one", false)], []).parts, undefined, "a single statement has no parts");
});

test("overall: 'inconclusive' and 'partly true' count as decided; undecided versions do not make it version-dependent", () => {
  assert.equal(overallOf(["inconclusive", "inconclusive"]), "inconclusive");
  assert.equal(overallOf(["inconclusive", "confirmed"]), "depends on the Go version");
  assert.equal(overallOf(["partly true", "no evidence"]), "partly true");
  assert.equal(overallOf(["cannot be tested here", "cannot be tested here"]), "cannot be tested here");
});

test("a reader's parameters: decided at the article's value, the reader's outcome beside it (made-up results)", () => {
  const [c11] = loadClaims({ parameters: { hint: 5000 } }).filter((c) => c.id === "1.1");
  const at = (hint: number, mallocs: number, sizes: [number, number | null][]) => [
    fake(`_ = make(map[int]int, ${hint})`, { mallocs, sizes, debug: true }), fake(`make(map[int]int, ${hint})`, { mallocs: mallocs + 1 })];
  const ev = evidenceFrom("0.0.0", SYNTHETIC, [...at(1000, 2, [[33, 48], [113, 128]]), ...at(5000, 4, [[1, 8]])]);
  const [v] = computeVerdicts([c11], [ev]);
  assert.equal(v.byVersion[0].verdict, "confirmed", "the article's 1000 decides");
  assert.match(v.byVersion[0].reason, /make\(map\[int\]int, 1000\)/);
  assert.equal(v.byVersion[0].atReader?.verdict, "refuted");
  assert.deepEqual(v.byVersion[0].atReader?.parameters, { hint: 5000 });
  assert.match(v.byVersion[0].atReader?.reason ?? "", /make\(map\[int\]int, 5000\)/);
});

test("explanations give exact sizes only where the simulator agrees with the result (made-up results)", () => {
  const claim22b = { claim: "made up" };
  // Made-up results shaped like a Go 1.19.8 run of make(map[int]int, 9): the count and bytes the simulator gives, then not.
  const agreeing = fake("make(map[int]int, 9)", { mallocs: 2, bytes: 336, sizes: [[33, 48], [257, 288]], go: "1.19.8" });
  const e = explain(claim22b, { verdict: "confirmed", reason: "", evidence: [agreeing] }, "1.19.8", { sources: { lineOf: (go, fn) => (fn === "runtime.makemap" ? "runtime/map.go:1" : undefined) } });
  assert.match(e.measured[0], /sizes as the simulator accounts for them, agreeing with the measured count and bytes: 48 B, 288 B$/);
  assert.ok(e.why.some((w) => w.startsWith("runtime.makemap (runtime/map.go:1): ")), e.why.join("\n"));
  assert.ok(e.why.some((w) => w.startsWith("runtime.makeBucketArray: ")), "a function without a known line is named alone");
  const disagreeing = { ...agreeing, mallocs: 3, allocatedBytes: 400, memstats: { mallocs: 3, totalAlloc: 400, heapObjects: 3 } };
  const d = explain(claim22b, { verdict: "refuted", reason: "", evidence: [disagreeing] }, "1.19.8");
  assert.match(d.measured[0], /sizes by size bucket 33–48 B ×1, 257–288 B ×1 \(the simulator does not agree here: mallocs: simulated 2, measured 3/);
  assert.deepEqual(d.why, [], "no reasons from a simulator that disagrees");
});
