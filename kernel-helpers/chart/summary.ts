/**
 * One sentence saying what a chart shows, computed from its rows (it becomes the chart image's
 * alt text with the title): the reader who cannot see the picture gets its range and its series.
 */
import { andList } from "../messages";
import { formatBytes, isByteColumn, roundNumber } from "../table/readable";

type Row = Record<string, unknown>;

/** A value of `field` as a sentence shows it (bytes as KiB, numbers rounded). */
export function valueText(field: string, v: unknown): string {
  if (typeof v !== "number") return String(v);
  return isByteColumn(field) && Number.isInteger(v) ? formatBytes(v) : roundNumber(v);
}

/** The distinct values of a field, in order of first appearance. */
export function distinct(rows: readonly Row[], field: string): string[] {
  return [...new Set(rows.map((r) => String(r[field])))];
}

function extent(rows: readonly Row[], field: string): [number, number] | undefined {
  const vs = rows.map((r) => r[field]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return vs.length ? [Math.min(...vs), Math.max(...vs)] : undefined;
}

/** "mallocs against n for map[int]int and []int append, in panels Go 1.19 and Go 1.26: mallocs from 1 to 75 as n goes from 0 to 1,000." */
export function linesSummary(rows: readonly Row[], { x, y, color, panel, note }: { x: string; y: string; color?: string; panel?: string; note?: string }): string {
  if (rows.length === 0) return "No data: nothing was drawn.";
  const ys = extent(rows, y);
  const xs = extent(rows, x);
  const series = color ? ` for ${andList(distinct(rows, color))}` : "";
  const panels = panel ? `, one panel each for ${andList(distinct(rows, panel))}` : "";
  const range = ys && xs ? `: ${y} from ${valueText(y, ys[0])} to ${valueText(y, ys[1])} as ${x} goes from ${valueText(x, xs[0])} to ${valueText(x, xs[1])}` : "";
  return `${y} against ${x}${series}${panels}${range}.${note ? ` ${note}.` : ""}`;
}

/** "mallocs for 4 programs, per go (Go 1.19, Go 1.26): from 0 (a, Go 1.26) to 2 (b, Go 1.19)." */
export function barsSummary(rows: readonly Row[], { x, y, color }: { x: string; y: string; color: string }): string {
  if (rows.length === 0) return "No data: nothing was drawn.";
  const numeric = rows.filter((r) => typeof r[y] === "number");
  const at = (r: Row) => `${valueText(y, r[y])} (${r[x]}, ${r[color]})`;
  const sorted = [...numeric].sort((a, b) => (a[y] as number) - (b[y] as number));
  const range = sorted.length ? `: from ${at(sorted[0])} to ${at(sorted[sorted.length - 1])}` : "";
  return `${y} for ${distinct(rows, x).length} ${x} value(s), per ${color} (${andList(distinct(rows, color))})${range}.`;
}

/** "verdict of 12 claim(s) by go: 20 true, 4 false, 12 partly true." */
export function matrixSummary(rows: readonly Row[], { x, y, value }: { x: string; y: string; value: string }): string {
  if (rows.length === 0) return "No data: nothing was drawn.";
  const counts = distinct(rows, value).map((v) => `${rows.filter((r) => String(r[value]) === v).length} ${v}`);
  return `${value} of ${distinct(rows, y).length} ${y}(s) by ${x} (${andList(distinct(rows, x))}): ${counts.join(", ")}.`;
}
