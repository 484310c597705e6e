/**
 * The keys the probe inserts: key i is made by setting the key type's first settable leaf from i
 * (kernel-helpers/probe/values.ts keyLeafAssignment). Small integer types wrap, bool has two
 * values, a key with no settable leaf (struct{}, [0]T) is always the same key, and new(T) of a
 * zero-sized T is always &runtime.zerobase. Repeated keys update the map instead of inserting.
 */
import { GoType, layoutOf } from "../types";

/** Turns insert indexes into distinct-key ids (0, 1, 2, ... in order of first appearance). */
export interface KeyStream {
  /** The distinct-key id of insert i; `fresh` then says whether it is new. Call with i = 0, 1, 2, ... in order. */
  next(i: number): number;
  /** Whether the key of the last `next` was new (a field, not an object per key: a run makes millions). */
  readonly fresh: boolean;
}

type Leaf = { period: number } | { float32: true };

/** How many distinct values the leaf the probe sets can take (its period as i grows). */
function leafOf(t: GoType): Leaf | null {
  switch (t.kind) {
    case "basic":
      switch (t.name) {
        case "bool":
          return { period: 2 };
        case "int8":
        case "uint8":
        case "byte":
          return { period: 2 ** 8 };
        case "int16":
        case "uint16":
          return { period: 2 ** 16 };
        case "int32":
        case "uint32":
        case "rune":
          return { period: 2 ** 32 };
        case "float32":
        case "complex64":
          return { float32: true };
        default:
          return { period: Infinity };
      }
    case "any":
      return { period: Infinity };
    case "pointer":
      // `k = new(T)`: a zero-sized T gives &zerobase every time.
      return { period: layoutOf(t.elem)!.size === 0 ? 1 : Infinity };
    case "array":
      return t.length > 0 ? leafOf(t.elem) : null;
    case "struct":
      for (const f of t.fields) {
        if (f.name === "_") continue;
        const l = leafOf(f.type);
        if (l) return l;
      }
      return null;
    case "slice":
    case "map":
      return null;
  }
}

/** Keys that repeat with period `p`: key i is key i mod p. */
class PeriodicKeys implements KeyStream {
  fresh = true;
  constructor(private readonly period: number) {}

  next(i: number): number {
    this.fresh = i < this.period;
    return this.fresh ? i : i % this.period;
  }
}

/** float32(i) is exact below 2^24; above, neighbours round to the same value. */
class Float32Keys implements KeyStream {
  fresh = true;
  private readonly seen = new Map<number, number>();

  next(i: number): number {
    this.fresh = true;
    if (i < 2 ** 24) return i;
    const value = Math.fround(i);
    const id = this.seen.get(value);
    if (id !== undefined) {
      this.fresh = false;
      return id;
    }
    const fresh = 2 ** 24 + this.seen.size;
    this.seen.set(value, fresh);
    return fresh;
  }
}

/** The key stream of a key type. */
export function keyStream(key: GoType): KeyStream {
  const leaf = leafOf(key) ?? { period: 1 };
  return "period" in leaf ? new PeriodicKeys(leaf.period) : new Float32Keys();
}
