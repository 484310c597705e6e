/**
 * A generous estimate of the bytes one run of a case holds at its peak, so that measure can refuse
 * a case that would exhaust the machine before it builds anything. It errs high: growth doubles,
 * maps carry per-entry overhead.
 */
import { Case } from "../case";
import { layoutOf, parseGoType } from "../types";

function sizeOf(type: string): number {
  return layoutOf(parseGoType(type))!.size;
}

/** Bytes a map of `entries` entries may take, whatever the implementation (buckets or groups). */
function mapBytes(key: string, elem: string, entries: number): number {
  return 4 * entries * (sizeOf(key) + sizeOf(elem) + 8) + 4096;
}

export function estimatePeakBytes(c: Case): number {
  switch (c.op) {
    case "makeslice":
      return sizeOf(c.elem) * Math.max(c.len, c.cap ?? 0);
    case "append":
      return 3 * sizeOf(c.elem) * Math.max(c.n + (c.len ?? 0), c.cap ?? 0);
    case "makemap":
      return mapBytes(c.key, c.elem, c.hint ?? 0);
    case "code":
      // Unknown before it runs: the time limit and the probe's memory cap hold it instead.
      return 0;
    case "mapinsert": {
      const fresh = c.freshElem ? c.n * Math.max(16, sizeOf(c.elem.slice(1))) : 0;
      const keys = c.n * (sizeOf(c.key) + (c.key.includes("string") ? 24 : 0));
      return mapBytes(c.key, c.elem, Math.max(c.n, c.hint ?? 0)) + fresh + keys;
    }
  }
}
