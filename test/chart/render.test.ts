/** Chart specs and their static SVG, against golden files (synthetic rows: shapes, not claims). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupedBars, growthLines, matrix, renderSvg } from "../../kernel-helpers/chart";
import { assertGolden } from "../helpers/golden";

const ROWS = [
  { case: "a", go: "1.19", n: 1, value: 3 },
  { case: "a", go: "1.26", n: 2, value: 6 },
  { case: "b", go: "1.19", n: 4, value: 1 },
];
const SOURCE = "synthetic rows for a rendering test";

const SPECS = {
  bars: groupedBars(ROWS, { x: "case", y: "value", color: "go", title: "bars", source: SOURCE }),
  lines: growthLines(ROWS, { x: "n", y: "value", color: "go", title: "lines", source: SOURCE, logX: true }),
  panels: growthLines(ROWS, { x: "n", y: "value", color: "case", panel: "go", title: "panels", source: SOURCE }),
  matrix: matrix(ROWS, { x: "go", y: "case", value: "value", title: "matrix", source: SOURCE }),
};

for (const [name, spec] of Object.entries(SPECS)) {
  test(`${name}: spec and SVG match their golden files`, async () => {
    assertGolden(`${JSON.stringify(spec, null, 2)}\n`, "chart", "golden", `${name}.vl.json`);
    const svg = await renderSvg(spec);
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, new RegExp(SOURCE), "the subtitle naming the source is drawn");
    assertGolden(svg, "chart", "golden", `${name}.svg`);
  });
}

test("a chart carries no number of its own: every mark comes from the rows", async () => {
  const empty = await renderSvg(groupedBars([], { x: "case", y: "value", color: "go", title: "empty", source: SOURCE }));
  const full = await renderSvg(SPECS.bars);
  assert.ok((full.match(/<path/g) ?? []).length > (empty.match(/<path/g) ?? []).length);
});
