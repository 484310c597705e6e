/**
 * The chart beside a "what if" table: the bytes each allocation takes, in the order the runtime
 * makes them, a bar per Go version side by side (chart/specs.ts's grouped bars, so it reads like
 * the course's other charts). Its subtitle says the numbers were simulated in the browser.
 */
import { ChartSpec } from "../../chart/spec";
import { groupedBars } from "../../chart/specs";
import { AllocationRow, PAGE_LISTED_ALLOCATIONS } from "./whatif";

/** Allocations drawn at most; the table beside the chart lists more (PAGE_LISTED_ALLOCATIONS). */
export const CHART_MAX_ALLOCATIONS = 32;

/** One simulated result to draw: its Go version and its allocations. */
export interface ChartedResult {
  go: string;
  rows: readonly AllocationRow[];
}

/** Bytes taken per allocation, per Go version; the first CHART_MAX_ALLOCATIONS of each. */
export function allocationsChart(results: readonly ChartedResult[], { title }: { title: string }): ChartSpec {
  const most = Math.max(0, ...results.map((r) => r.rows.length));
  const rows = results.flatMap((r) => r.rows.slice(0, CHART_MAX_ALLOCATIONS).map((a) => ({
    allocation: `#${a["#"]}`, rounded: a.rounded, go: `Go ${r.go}`, path: a.path, site: a.site,
  })));
  const listed = most > PAGE_LISTED_ALLOCATIONS ? `the table lists the first ${PAGE_LISTED_ALLOCATIONS}` : "the table lists all";
  const cut = most > CHART_MAX_ALLOCATIONS ? `; the first ${CHART_MAX_ALLOCATIONS} of ${most} allocations (${listed})` : "";
  const source = `simulated in your browser (golab's model of ${results.map((r) => `Go ${r.go}`).join(", ")})${cut}`;
  const spec = groupedBars(rows, { x: "allocation", y: "rounded", color: "go", title, source });
  // Allocation numbers read left to right in the runtime's order, not sorted as text (#10 after #1).
  const encoding = spec.encoding as Record<string, unknown>;
  encoding.x = { ...(encoding.x as object), sort: null, axis: { labelAngle: 0, labelOverlap: true } };
  encoding.y = { ...(encoding.y as object), title: "bytes taken" };
  encoding.tooltip = ["allocation", "go", "rounded", "path", "site"].map((field) => ({ field }));
  // One version needs no legend: the subtitle names it.
  if (results.length === 1) encoding.color = { ...(encoding.color as object), legend: null };
  return { ...spec, width: 380, height: 180 };
}
