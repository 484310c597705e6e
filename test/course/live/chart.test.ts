/** The what-if chart: bytes taken per allocation, a bar per Go version, labelled as simulated in the browser. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { allocationsChart, CHART_MAX_ALLOCATIONS, PAGE_LISTED_ALLOCATIONS, whatIf } from "../../../kernel-helpers/course/live";

const rowsOf = (input: unknown, go: string) => {
  const a = whatIf(input, { go });
  assert.ok(a.ok);
  return { go: a.result.go, rows: a.rows };
};

test("one bar per allocation and version, in the runtime's order, from the simulated rows", () => {
  const results = [rowsOf("make(map[int]int, 1000)", "1.19"), rowsOf("make(map[int]int, 1000)", "1.26")];
  const spec = allocationsChart(results, { title: "t" });
  const values = (spec.data as { values: { allocation: string; rounded: number; go: string }[] }).values;
  assert.deepEqual(values.map((v) => [v.go, v.rounded]), results.flatMap((r) => r.rows.map((a) => [`Go ${r.go}`, a.rounded])));
  assert.equal((spec.encoding as { x: { sort: unknown } }).x.sort, null);
  assert.match(String((spec.title as { subtitle: string[] }).subtitle), /^simulated in your browser \(golab's model of Go 1\.19\.8, Go 1\.26\.8\)/);
});

test("a long list draws its first allocations and says so; one version needs no legend", () => {
  const big = rowsOf({ op: "mapinsert", key: "int", elem: "int", n: 5000 }, "1.26");
  assert.ok(big.rows.length > CHART_MAX_ALLOCATIONS);
  const spec = allocationsChart([big], { title: "t" });
  assert.equal((spec.data as { values: unknown[] }).values.length, CHART_MAX_ALLOCATIONS);
  assert.match(String((spec.title as { subtitle: string[] }).subtitle), new RegExp(`the first ${CHART_MAX_ALLOCATIONS} of ${big.rows.length} allocations \\(the table lists all\\)`));
  // Past what a page lists, the subtitle says the table lists the first ones only.
  const longer = rowsOf({ op: "concatloop", len: 2, n: PAGE_LISTED_ALLOCATIONS + 10 }, "1.26");
  assert.ok(longer.rows.length > PAGE_LISTED_ALLOCATIONS);
  assert.match(String((allocationsChart([longer], { title: "t" }).title as { subtitle: string[] }).subtitle), new RegExp(`\\(the table lists the first ${PAGE_LISTED_ALLOCATIONS}\\)`));
  assert.equal((spec.encoding as { color: { legend: unknown } }).color.legend, null);
});
