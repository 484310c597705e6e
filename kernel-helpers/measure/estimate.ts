/**
 * Generous estimates of the bytes a case holds, so that measure can refuse a batch that would go
 * over the memory cap before it builds anything. They err high: growth doubles, maps carry
 * per-entry overhead.
 */
import { Case, isMapOp, isStringOp, StringOpCase } from "../case";
import { layoutOf, parseGoType } from "../types";
import { stringOpCallBytes, stringOpHeldBytes } from "./string-estimate";

function sizeOf(type: string): number {
  return layoutOf(parseGoType(type))!.size;
}

/** Bytes a map of `entries` entries may take, whatever the implementation (buckets or groups). */
function mapBytes(key: string, elem: string, entries: number): number {
  return 4 * entries * (sizeOf(key) + sizeOf(elem) + 8) + 4096;
}

/** Bytes a case keeps for the whole run: the keys a mapinsert probe builds before measuring. */
export function heldBytes(c: Case): number {
  if (isStringOp(c.op)) return stringOpHeldBytes(c as StringOpCase);
  if (c.op !== "mapinsert" && !isMapOp(c.op)) return 0;
  // The probe's key slice, built before the first call (a string key holds its bytes too).
  const { n, key } = c as { n: number; key: string };
  return n * (sizeOf(key) + (key.includes("string") ? 24 : 0));
}

/** Bytes one call of a case allocates at its peak. */
export function callBytes(c: Case): number {
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
    case "mapdelete":
    case "mapclear":
      return mapBytes(c.key, c.elem, Math.max(c.n, c.hint ?? 0));
    case "mapclone":
      // The map and its clone, alike.
      return 2 * mapBytes(c.key, c.elem, Math.max(c.n, c.hint ?? 0));
    case "mapinsert": {
      const fresh = c.freshElem ? c.n * Math.max(16, sizeOf(c.elem.slice(1))) : 0;
      return mapBytes(c.key, c.elem, Math.max(c.n, c.hint ?? 0)) + fresh;
    }
    case "closure":
      return 64 + 2 * c.captures.reduce((sum, t) => sum + sizeOf(t) + 16, 0);
    case "box":
      return 16 + sizeOf(c.type);
    case "makechan":
      return 128 + sizeOf(c.elem) * (c.cap ?? 0);
    case "new":
      // Every call's object stays until the harness collects: n of them, each at least a 16-byte block.
      return (c.n ?? 1) * Math.max(16, sizeOf(c.type));
    default:
      return stringOpCallBytes(c);
  }
}

/** The bytes one run of a case holds at its peak, measured alone. */
export function estimatePeakBytes(c: Case): number {
  return heldBytes(c) + callBytes(c);
}

/**
 * The bytes a batch holds at its peak: every case's keys at once (they are built before the
 * first call), and one call at a time (the harness collects what a call leaves before the next
 * would pile on it).
 */
export function estimateBatchBytes(cases: readonly Case[]): number {
  return cases.reduce((sum, c) => sum + heldBytes(c), 0) + Math.max(0, ...cases.map(callBytes));
}
