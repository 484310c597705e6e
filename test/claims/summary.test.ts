/**
 * The course summary is computed from verdicts: made-up verdicts (not claims about Go) show that
 * the counts, the groups and each sentence follow the verdicts, not text typed for them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { claimsSummary, claimSentence, ClaimVerdict, overallOf, VersionOutcome, VersionVerdict } from "../../kernel-helpers/claims";
import { PartOutcome } from "../../kernel-helpers/claims";

function outcome(go: string, verdict: VersionVerdict, reason: string, parts?: PartOutcome[]): VersionOutcome {
  return { go, source: "a test's made-up numbers", verdict, reason, evidence: [], parts, explanation: { article: "", measured: [`measured ${reason}`], why: [] } };
}

function claim(id: string, chapter: number, text: string, byVersion: VersionOutcome[]): ClaimVerdict {
  const c = { id, chapter, claim: text, article: {}, check: { kind: "untestable", reason: "" } } as unknown as ClaimVerdict["claim"];
  return { claim: c, byVersion, overall: overallOf(byVersion.map((b) => b.verdict)) };
}

const verdicts = (): ClaimVerdict[] => [
  claim("9.1", 9, "x makes 2 calls", [outcome("7.1.0", "confirmed", "x: 2 mallocs (32 B)"), outcome("7.2.0", "confirmed", "x: 2 mallocs (32 B)")]),
  claim("9.2", 9, "y makes 1 call of 8 B", [outcome("7.1.0", "refuted", "y: 3 mallocs (96 B). Variant: y kept: 1 malloc"), outcome("7.2.0", "refuted", "y: 4 mallocs (128 B)")]),
  claim("8.1", 8, "z uses runtime.(*mcache).refill", [
    outcome("7.1.0", "partly true", "long reason", [{ says: "one", holds: true, reason: "one: 1 malloc" }, { says: "two", holds: false, reason: "two: 5 mallocs; sizes 8 B ×5" }]),
    outcome("7.2.0", "refuted", "long reason", [{ says: "one", holds: false, reason: "one: 0 mallocs" }, { says: "two", holds: false, reason: "two: 6 mallocs" }]),
  ]),
  claim("8.2", 8, "w cannot be run", [outcome("7.1.0", "cannot be tested here", "it is about Kotlin"), outcome("7.2.0", "cannot be tested here", "it is about Kotlin")]),
];

test("the counts per Go version follow the verdicts", () => {
  const text = claimsSummary(verdicts());
  assert.match(text, /Go 7\.1\.0: right about 1, partly right about 1, wrong about 1; 1 cannot be tested here\./);
  assert.match(text, /Go 7\.2\.0: right about 1, partly right about 0, wrong about 2; 1 cannot be tested here\./);
  const flipped = verdicts();
  flipped[0].byVersion[1] = outcome("7.2.0", "refuted", "x: 5 mallocs");
  assert.match(claimsSummary(flipped), /Go 7\.2\.0: right about 0, partly right about 0, wrong about 3;/);
});

test("chapters in order, claims grouped by their overall verdict", () => {
  const text = claimsSummary(verdicts());
  assert.ok(text.indexOf("### Chapter 8") < text.indexOf("### Chapter 9"));
  const ch9 = text.slice(text.indexOf("### Chapter 9"));
  assert.ok(ch9.indexOf("**Right**") < ch9.indexOf("9.1") && ch9.indexOf("**Wrong**") < ch9.indexOf("9.2"));
  const ch8 = text.slice(text.indexOf("### Chapter 8"), text.indexOf("### Chapter 9"));
  assert.match(ch8, /\*\*Right or wrong depending on the Go version\*\*\n\n- \*\*8\.1\*\*/);
  assert.match(ch8, /\*\*Cannot be tested\*\*\n\n- \*\*8\.2\*\* “w cannot be run”: it is about Kotlin\./);
});

test("a sentence per claim: said once where versions agree, per version where they differ", () => {
  const text = claimsSummary(verdicts());
  assert.match(text, /- \*\*9\.1\*\* “x makes 2 calls”: x: 2 mallocs \(32 B\)\.\n/, "the same sentence on both versions is said once");
  assert.match(text, /\*\*9\.2\*\* “y makes 1 call of 8 B”:\n  - Go 7\.1\.0: y: 3 mallocs \(96 B\)\.\n  - Go 7\.2\.0: y: 4 mallocs \(128 B\)\./, "the first sentence of each reason, per version");
  assert.match(text, /  - Go 7\.1\.0 \(partly true\): “one” holds; “two” does not: two: 5 mallocs\.\n  - Go 7\.2\.0 \(refuted\): “one”, “two” do not: one: 0 mallocs\./);
});

test("a compound claim names the parts that held and those that did not", () => {
  const b = outcome("7.1.0", "partly true", "", [{ says: "a", holds: true, reason: "a: ok" }, { says: "b", holds: false, reason: "b: 3 mallocs" }, { says: "c", holds: false, reason: "c: 0 B" }]);
  assert.equal(claimSentence(b), "“a” holds; “b”, “c” do not: b: 3 mallocs.");
  const all = outcome("7.1.0", "confirmed", "", [{ says: "a", holds: true, reason: "a: ok" }, { says: "b", holds: true, reason: "b: ok" }]);
  assert.equal(claimSentence(all), "“a”, “b” hold: a: ok.");
});

test("text from runs cannot break the Markdown", () => {
  assert.match(claimsSummary(verdicts()), /runtime\.\(\\\*mcache\)\.refill/);
});
