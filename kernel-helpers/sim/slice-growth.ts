/**
 * append(s, t...) and slices.Grow. Both reach runtime.growslice directly, with no stack buffer:
 * walk/assign.go lowers `x = append(y, t...)` through appendSlice and
 * `append(s, make([]T, n)...)` (slices.Grow's body) through extendSlice before SSA, where 1.26's
 * append buffers live ("TODO: handle ... append case", ssagen/ssa.go append).
 */
import { AppendSliceCase, SlicesGrowCase } from "../case";
import { InputError } from "../errors";
import { stringOpMessages } from "../messages";
import { Heap } from "./malloc";
import { growslice, simulateMakeSlice } from "./slice";
import { TypeInfo } from "./typeinfo";
import { stringRules } from "./string-rules";
import { typeInfo } from "./typeinfo";

/**
 * `append(s, make([]T, n)...)` from capacity `oldCap` to length `newLen`: walk/assign.go
 * extendSlice turns it into one growslice, but only when isAppendOfMake holds, which needs
 * `base.Flag.N == 0`; a -N build makes the zeroed make([]T, n) first (a variable size: on the
 * heap), then appends it (appendSlice). Returns the new cap.
 */
export function extendSlice(heap: Heap, et: TypeInfo, oldCap: number, newLen: number, n: number, why: string): number {
  if (heap.version.compiler.debug) {
    heap.malloc(n * et.size, !et.pointers, "runtime.makeslice", heap.recording ? `${why}: a -N build makes make([]${et.text}, ${n}) before appending it (walk isAppendOfMake needs base.Flag.N == 0)` : "");
  }
  return growslice(heap, et, oldCap, newLen, why);
}

/** The starting slice: nil, or make([]T, len, cap) placed as a make of constant size is. */
function start(heap: Heap, c: AppendSliceCase | SlicesGrowCase): { len: number; cap: number } {
  if (c.start === "nil") return { len: 0, cap: 0 };
  const len = c.len ?? 0;
  simulateMakeSlice(heap, { op: "makeslice", elem: c.elem, len, ...(c.cap === undefined ? {} : { cap: c.cap }), escape: c.escape });
  return { len, cap: c.cap ?? len };
}

/** `s = append(s, t...)`: growslice to len + add when that is over cap (runtime/slice.go). */
export function simulateAppendSlice(heap: Heap, c: AppendSliceCase): void {
  const s = start(heap, c);
  const newLen = s.len + c.add;
  if (newLen <= s.cap) return heap.note(`append(s, t...) to length ${newLen} fits cap ${s.cap}: no growth`);
  growslice(heap, typeInfo(c.elem), s.cap, newLen, `append(s, t...) of ${c.add} needs length ${newLen} (cap ${s.cap})`);
}

/**
 * slices/slices.go Grow (1.26.8, 1.27.3): `if n -= cap(s) - len(s); n > 0 { s = append(s[:cap(s)],
 * make([]E, n)...)[:len(s)] }`, a growslice to cap + n.
 */
export function simulateSlicesGrow(heap: Heap, c: SlicesGrowCase): void {
  if (!stringRules(heap.version).slices) throw new InputError(stringOpMessages.needsSlices(heap.version.go), "slicesgrow");
  const s = start(heap, c);
  const n = c.grow - (s.cap - s.len);
  if (n <= 0) return heap.note(`slices.Grow(s, ${c.grow}): cap ${s.cap} already leaves room for ${c.grow} more`);
  extendSlice(heap, typeInfo(c.elem), s.cap, s.cap + n, n, `slices.Grow(s, ${c.grow}) appends ${n} zero elements after cap ${s.cap}`);
}
