/**
 * Generous estimates of the bytes a string or growth case (case/string-ops.ts) takes, for the
 * memory-cap check before a build (estimate.ts). GC is off during a call, so every string a
 * `+=` loop drops is still held: that loop's bytes grow with the square of its length.
 */
import { StringOpCase } from "../case";
import { layoutOf, parseGoType } from "../types";

/** Bytes the inputs setup() makes before the first call (held for the whole run). */
export function stringOpHeldBytes(c: StringOpCase): number {
  switch (c.op) {
    case "concat":
      return c.lens.reduce((a, b) => a + b, 0);
    case "appendslice":
      return c.add * layoutOf(parseGoType(c.elem))!.size;
    case "slicesgrow":
      return 0;
    default:
      return c.len;
  }
}

/** Bytes one call allocates at most. */
export function stringOpCallBytes(c: StringOpCase): number {
  switch (c.op) {
    case "concat":
      return 2 * c.lens.reduce((a, b) => a + b, 0);
    case "concatloop":
      return c.len * ((c.n * (c.n + 1)) / 2) + 16 * c.n;
    case "convert":
      return 8 * c.len;
    case "appendslice":
    case "slicesgrow": {
      const size = layoutOf(parseGoType(c.elem))!.size;
      const more = c.op === "appendslice" ? c.add : c.grow;
      return 3 * size * Math.max((c.len ?? 0) + more, c.cap ?? 0);
    }
    case "builder":
    case "buffer":
      return 4 * (c.len * c.n + (c.grow ?? 0)) + 64;
  }
}
