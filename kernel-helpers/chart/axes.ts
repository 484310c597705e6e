/**
 * Axes that say what they measure: a title with its unit, and a log scale when the values span
 * two decades or more (symlog when zeros are among them, since log cannot draw 0).
 */
import { isByteColumn } from "../table/readable";

/** The unit of a field, by its name: bytes, a count, seconds, or none known. */
export function unitOf(field: string): string | undefined {
  if (isByteColumn(field)) return "bytes";
  if (/^(MB|MiB|KiB|GB|ns|µs|ms)$/.test(field)) return field;
  if (/seconds/.test(field)) return "s";
  if (/mallocs|calls|inserts|appends|hits|^n$/.test(field)) return "count";
  return undefined;
}

/** "allocated" → "allocated (bytes)", "mallocs" → "mallocs (count)"; a field named as its unit ("MB") keeps its name. */
export function axisTitle(field: string): string {
  const unit = unitOf(field);
  return unit && unit !== field ? `${field} (${unit})` : field;
}

/** The scale a quantity needs: linear, or log / symlog when the values span 100× or more. */
export function scaleFor(values: readonly unknown[]): { type: "linear" | "log" | "symlog" } {
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const positive = numbers.filter((v) => v > 0);
  if (positive.length < 2 || numbers.some((v) => v < 0)) return { type: "linear" };
  const span = Math.max(...positive) / Math.min(...positive);
  if (span < 100) return { type: "linear" };
  return { type: numbers.some((v) => v === 0) ? "symlog" : "log" };
}

/**
 * A legend's title for the field that colours the series: words for the fields the lab's charts
 * use ("go" -> "Go version"), none for "series" and "way", whose labels say everything (a program
 * or a layout each); any other field keeps its name.
 */
export function legendTitle(field: string): string | null {
  const words: Record<string, string | null> = { go: "Go version", series: null, way: null };
  return field in words ? words[field] : field;
}
