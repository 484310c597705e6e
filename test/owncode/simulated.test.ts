/**
 * The simulator beside chapter 6's programs, from made-up runs (clearly not Go's): the simulated
 * row is what simulate() gives on that version, the measured row what the run says (per call for
 * a program, the traced line for a line), a version the model does not know says so, and every
 * version where the two differ is named.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { OwnCodeRow, ownSnippet } from "../../kernel-helpers/experiments";
import { formatBytes } from "../../kernel-helpers/bytes";
import { ownCodeDifferences, ownCodePredictions, ownCodeSimulatedAllocations, ownCodeSimulatedCounts, OwnCodeObservations } from "../../kernel-helpers/owncode";
import { simulate } from "../../kernel-helpers/sim";
import { LiveObservation } from "../../kernel-helpers/store";

const mine = ownSnippet("var sink []int\n\nfunc probe() {\n\tsink = make([]int, 3)\n\tsink = append(sink, 1)\n}\n", {}, "mine.go", "7.1");
const counted = (go: string) => simulate("make([]int, 3)", { go });
/** A run of mine.go whose line 4 allocated what `line4` says and whose call took `perCall`. */
const row = (go: string, perCall: number, line4?: { mallocs: number; allocatedBytes: number }): OwnCodeRow => ({
  go, lesson: "7.1", name: "mine.go", mallocs: perCall, allocatedBytes: perCall * 1000, tinyAllocs: 0, traced: perCall, escape: [],
  lines: line4 ? [{ line: 4, bytes: line4.allocatedBytes, kinds: [], ...line4 }] : [],
});
const seen = (go: string, result?: OwnCodeRow[]): LiveObservation<OwnCodeRow[]> =>
  ({ spec: go, go, toolchain: { go, goarch: "amd64", goexperiment: "" }, source: { kind: "recorded", file: "x", at: "2030-01-02T00:00:00Z" }, ...(result ? { result } : { error: "not run here" }) });

const sim126 = counted("1.26.8");
const own: OwnCodeObservations = {
  snippets: [mine],
  versions: [
    seen("1.19.8", [row("1.19.8", 77)]),
    seen("1.26.8", [row("1.26.8", 77, { mallocs: sim126.mallocs, allocatedBytes: sim126.allocatedBytes })]),
    seen("7.3"),
  ],
} as OwnCodeObservations;
const text = (r: { mallocs: number; allocatedBytes: number }) => `${r.mallocs} malloc${r.mallocs === 1 ? "" : "s"}, ${formatBytes(r.allocatedBytes)}`;

test("a whole-program model: measured per call beside simulate() on each version; an unmodelled version says so", () => {
  const t = ownCodeSimulatedCounts(ownCodePredictions(own, [{ program: "mine.go", case: "make([]int, 3)" }])).objects() as Record<string, unknown>[];
  assert.deepEqual(t.map((r) => [r.result, r["Go 1.19.8"], r["Go 1.26.8"], r["Go 7.3"]]), [
    ["measured", "77 mallocs, 75.2 KiB", "77 mallocs, 75.2 KiB", "—"],
    ["simulated: make([]int, 3)", text(counted("1.19.8")), text(sim126), "— (not modelled)"],
  ]);
});

test("a line model: what the traced call allocated at that line (0 where nothing), and only the differing versions named", () => {
  const p = ownCodePredictions(own, [{ program: "mine.go", line: "sink = make([]int, 3)", case: "make([]int, 3)" }]);
  const t = ownCodeSimulatedCounts(p).objects() as Record<string, unknown>[];
  assert.deepEqual([t[0].result, t[0].of, t[0]["Go 1.19.8"], t[0]["Go 1.26.8"]], ["traced", "sink = make([]int, 3) (traced call)", "0 mallocs, 0 B", text(sim126)]);
  const differ = ownCodeDifferences(p);
  assert.equal(differ.length, 1, "1.26.8 agrees, 7.3 has neither");
  assert.match(differ[0], /^mine\.go \(sink = make\(\[\]int, 3\)\) on Go 1\.19\.8: traced 0 mallocs, 0 B; simulated /);
  assert.throws(() => ownCodePredictions(own, [{ program: "mine.go", line: "sink = nothing", case: "make([]int, 3)" }]), /no line/);
});

test("allocations: each simulated allocation with its reason; versions explained alike share a row; a case with none shows its notes", () => {
  const t = ownCodeSimulatedAllocations(ownCodePredictions(own, [{ program: "mine.go", case: "make([]int, 3)" }, { program: "mine.go", case: "any(int(7))" }])).objects() as Record<string, unknown>[];
  const made = t.filter((r) => r.case === "make([]int, 3)");
  const a19 = counted("1.19.8").allocations, a26 = sim126.allocations;
  const same = JSON.stringify(a19) === JSON.stringify(a26);
  assert.equal(made.length, same ? a26.length : a19.length + a26.length);
  assert.deepEqual([made[0].size, made[0].why], [a19[0].size, a19[0].why]);
  const boxed = t.filter((r) => r.case !== "make([]int, 3)");
  assert.ok(boxed.length > 0 && boxed.every((r) => r.path === "none" && typeof r.why === "string" && (r.why as string).length > 0));
});
