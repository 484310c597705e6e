/**
 * Chapter 6's tables from made-up rows (clearly not Go's): Go versions as columns, kept even where
 * every row agrees; "—" where a version has no data and "none" where it allocated nothing at a
 * line; the reasons a version has no data said once; each line's allocations in words.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { OwnCodeRow, ownSnippet } from "../../kernel-helpers/experiments";
import { kindText, ownCodeChart, ownCodeCounts, ownCodeEscapes, ownCodeLines, ownCodeSource } from "../../kernel-helpers/owncode";
import { LiveObservation } from "../../kernel-helpers/store";
import { readableTable } from "../../kernel-helpers/table";

const mine = ownSnippet("var sink []int\n\nfunc probe() {\n\tsink = make([]int, 3)\n\tsink = append(sink, 1)\n}\n", {}, "mine.go", "7.1");
const row = (go: string, lines: OwnCodeRow["lines"]): OwnCodeRow => ({
  go, lesson: "7.1", name: "mine.go", mallocs: lines.reduce((n, l) => n + l.mallocs, 0), allocatedBytes: lines.reduce((n, l) => n + l.allocatedBytes, 0),
  tinyAllocs: 0, traced: lines.reduce((n, l) => n + l.mallocs, 0), escape: [{ line: 4, decision: "heap", message: "make([]int, 3) escapes to heap" }], lines,
});
const kind = (count: number, bytes: number, allocatedBytes: number) => ({ via: "runtime.makeslice", site: "runtime.makeslice", type: "int", count, bytes, allocatedBytes });
const seen = (go: string, result?: OwnCodeRow[], error?: string): LiveObservation<OwnCodeRow[]> =>
  ({ spec: go.slice(0, 3), go, toolchain: { go, goarch: "amd64", goexperiment: "" }, source: { kind: "recorded", file: "x", at: "2030-01-02T00:00:00Z" }, ...(result ? { result } : { error }) });

const versions = [
  seen("7.1.0", [row("7.1.0", [{ line: 4, mallocs: 1, bytes: 24, allocatedBytes: 24, kinds: [kind(1, 24, 24)] }])]),
  seen("7.2.0", [row("7.2.0", [{ line: 4, mallocs: 1, bytes: 24, allocatedBytes: 24, kinds: [kind(1, 24, 24)] }, { line: 5, mallocs: 1, bytes: 48, allocatedBytes: 48, kinds: [kind(1, 48, 48)] }])]),
  seen("7.3", undefined, "not run here"),
];

test("counts: a row per program, a column per version, '—' where a version has no data", () => {
  assert.deepEqual(ownCodeCounts([mine], versions, "7.1").objects(), [{ program: "mine.go", "Go 7.1.0": "1 malloc, 24 B", "Go 7.2.0": "2 mallocs, 72 B", "Go 7.3": "—" }]);
  assert.deepEqual(ownCodeCounts([mine], versions, "7.2").objects(), [], "another lesson's programs only");
});

test("lines: every line that allocated on some version, with its code; 'none' where a version allocated nothing there", () => {
  const t = ownCodeLines([mine], versions, "7.1").objects() as Record<string, unknown>[];
  assert.deepEqual(t.map((r) => [r.line, r.code, r["Go 7.1.0"], r["Go 7.3"]]), [
    [4, "sink = make([]int, 3)", "1 × int, 24 B, via runtime.makeslice", "—"],
    [5, "sink = append(sink, 1)", "none", "—"],
  ]);
  const e = ownCodeEscapes([mine], versions, "7.1").objects() as Record<string, unknown>[];
  assert.deepEqual(e.map((r) => [r.line, r["Go 7.2.0"]]), [[4, "make([]int, 3) escapes to heap"]]);
});

test("a version column whose every row agrees stays a column when kept", () => {
  const t = ownCodeLines([mine], versions, "7.1");
  assert.ok(!readableTable(t).headers.includes("Go 7.3"), "folded into the caption by default");
  assert.ok(readableTable(t, { keep: ["Go 7.3"] }).headers.includes("Go 7.3"));
});

test("an allocation kind in words: bytes asked, taken where different, a tiny block, the function and the site", () => {
  assert.equal(kindText({ via: "fmt.Sprintf", site: "runtime.slicebytetostring", type: null, count: 1, bytes: 7, allocatedBytes: 0 }), "1 × raw memory, 7 B (in a tiny block already taken), via fmt.Sprintf → runtime.slicebytetostring");
  assert.equal(kindText({ via: "runtime.newobject", site: "main.probe", type: "int", count: 2, bytes: 16, allocatedBytes: 32 }), "2 × int, 16 B (32 B taken), via runtime.newobject");
});

test("where the numbers came from: per version, and one reason said once for the versions without data", () => {
  assert.equal(ownCodeSource(versions), "Go 7.1.0: recorded 2030-01-02; Go 7.2.0: recorded 2030-01-02; Go 7.3: no data (not run here)");
  assert.equal(ownCodeSource([seen("7.3", undefined, "why"), seen("7.4", undefined, "why")]), "no data for Go 7.3, 7.4 (why)");
  const chart = ownCodeChart([mine], versions) as unknown as { data: { values: unknown[] } };
  assert.deepEqual(chart.data.values, [{ program: "7.1 mine.go", mallocs: 1, go: "Go 7.1.0" }, { program: "7.1 mine.go", mallocs: 2, go: "Go 7.2.0" }]);
});
