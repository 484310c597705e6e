/** How evidence is written into verdict reasons and tables: short, with the numbers from the run. */
import { describeCase } from "../case";
import { MeasureResult } from "../measure";

/** Allocation sizes as the runtime's size buckets saw them: "33–48 B ×1, >32768 B ×1". */
export function sizesOf(r: MeasureResult): string {
  if (r.bySize.length === 0) return "none";
  return r.bySize.map((b) => `${b.max === null ? `>${b.min - 1}` : b.min === b.max ? `${b.max}` : `${b.min}–${b.max}`} B ×${b.count}`).join(", ");
}

/** "3 mallocs (41032 B)", with the range when runs differed. */
export function countOf(r: MeasureResult): string {
  const range = r.distribution ? `, ${r.distribution.min}–${r.distribution.max} over ${r.distribution.runs} runs` : "";
  return `${r.mallocs} malloc${r.mallocs === 1 ? "" : "s"} (${r.allocatedBytes} B${range})`;
}

/** "make(map[int]int, 1000) [discard], -N -l" */
export function labelOf(r: MeasureResult): string {
  return `${describeCase(r.case)}${r.build.debug ? ", -N -l" : ""}`;
}

/** True when one measured allocation could have had `size` bytes (its size bucket holds it). */
export function takeSize(buckets: { min: number; max: number | null; count: number }[], size: number): boolean {
  const b = buckets.find((x) => x.count > 0 && size >= x.min && (x.max === null || size <= x.max));
  if (!b) return false;
  b.count--;
  return true;
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
