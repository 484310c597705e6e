/** Charts for reading: panels per Go version, coinciding versions drawn once, units, log scales, alt text. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { axisTitle, groupedBars, growthLines, matrix, scaleFor } from "../../kernel-helpers/chart";
import { GolabError } from "../../kernel-helpers/errors";

// Synthetic rows: shapes, not claims about Go.
const SOURCE = "Go 1.19.8: simulated; Go 1.26.8: simulated";
const curve = (go: string, k = 1) => [1, 10, 1000].map((n) => ({ n, bytes: n * 8 * k, go }));

test("versions that differ get one panel each", () => {
  const spec = growthLines([...curve("Go 1.19"), ...curve("Go 1.26", 2)], { x: "n", y: "bytes", panel: "go", title: "t", source: SOURCE });
  assert.deepEqual(spec.facet, { column: { field: "go", type: "nominal", title: null } });
  assert.match(String(spec.description), /one panel each for Go 1.19 and Go 1.26/);
});

test("versions that draw the same points are drawn once, and the chart says they coincide", () => {
  const spec = growthLines([...curve("Go 1.19"), ...curve("Go 1.26")], { x: "n", y: "bytes", panel: "go", title: "t", source: SOURCE });
  assert.equal(spec.facet, undefined);
  assert.equal((spec.data as { values: unknown[] }).values.length, 3);
  assert.deepEqual((spec.title as { subtitle: string[] }).subtitle, ["Go 1.19.8: simulated", "Go 1.26.8: simulated", "Go 1.19, Go 1.26 coincide: drawn once"]);
  assert.match(String(spec.description), /coincide: drawn once\.$/);
});

test("more than six series in a panel is refused with a way out", () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ n: 1, y: i, s: `s${i}` }));
  assert.throws(() => growthLines(rows, { x: "n", y: "y", color: "s", title: "crowded", source: SOURCE }), (e: Error) => e instanceof GolabError && /at most 6/.test(e.message));
});

test("axes carry units; values spanning decades get a log scale", () => {
  assert.equal(axisTitle("bytes"), "bytes");
  assert.equal(axisTitle("allocated"), "allocated (bytes)");
  assert.equal(axisTitle("mallocs"), "mallocs (count)");
  assert.equal(axisTitle("MB"), "MB");
  assert.deepEqual(scaleFor([1, 10, 1000]), { type: "log" });
  assert.deepEqual(scaleFor([0, 10, 1000]), { type: "symlog" });
  assert.deepEqual(scaleFor([1, 2, 50]), { type: "linear" });
});

test("every chart says in one sentence what it shows, from its rows", () => {
  const lines = growthLines(curve("Go 1.26"), { x: "n", y: "bytes", title: "t", source: SOURCE });
  assert.equal(lines.description, "bytes against n: bytes from 8 B to 7.81 KiB as n goes from 1 to 1,000.");
  const bars = groupedBars([{ p: "a", m: 1, go: "Go 1.19" }, { p: "b", m: 3, go: "Go 1.26" }], { x: "p", y: "m", color: "go", title: "t", source: SOURCE });
  assert.equal(bars.description, "m for 2 p value(s), per go (Go 1.19 and Go 1.26): from 1 (a, Go 1.19) to 3 (b, Go 1.26).");
  const grid = matrix([{ c: "1.1", go: "Go 1.19", v: "true" }, { c: "1.1", go: "Go 1.26", v: "false" }], { x: "go", y: "c", value: "v", title: "t", source: SOURCE });
  assert.equal(grid.description, "v of 1 c(s) by go (Go 1.19 and Go 1.26): 1 true, 1 false.");
});

test("legends are titled in words: 'Go version' for go, none where each label names its series", () => {
  const rows = [...curve("Go 1.19"), ...curve("Go 1.26", 2)].map((r) => ({ ...r, series: `make(map, ${r.n})` }));
  const legendOf = (color: string) => JSON.stringify(growthLines(rows, { x: "n", y: "bytes", color, title: "t", source: SOURCE })).match(/"legend":\{[^}]*\}/)?.[0] ?? "";
  assert.match(legendOf("go"), /"title":"Go version"/);
  assert.match(legendOf("series"), /"title":null/);
});
