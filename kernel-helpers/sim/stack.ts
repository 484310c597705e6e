/**
 * The compiler's stack-allocation rules for the probe's code, per version: whether a make's
 * backing store, a map header or its first bucket/group lives in the frame, and whether appends
 * may use a stack buffer. Read from cmd/compile/internal: escape/utils.go HeapAllocReason,
 * walk/builtin.go walkMakeSlice and walkMakeMap, slice/slice.go (1.26.8), ssagen/ssa.go append
 * and getBackingStoreInfo (1.26.8).
 *
 * The probe (kernel-helpers/probe/generate.ts) makes escape `heap` store the result in a typed
 * package-level variable (it escapes), `stack` use only len() of it and `discard` write `_ = v`:
 * for both of those the value itself does not escape.
 */
import { Escape } from "../case";
import { VersionModel } from "./versions";

/** Where a make([]T, len, cap) puts its backing store. */
export type MakePlacement =
  | { where: "stack"; why: string }
  | { where: "heap"; why: string };

/** The placements of a value the probe stores in a package-level variable: one object each, shared. */
const ESCAPING_SLICE: MakePlacement = { where: "heap", why: "the slice is stored in a package-level variable, so it escapes" };
const ESCAPING_MAP: MapPlacement = { headerOnStack: false, firstOnStack: false, why: "the map is stored in a package-level variable, so it escapes" };

/**
 * The backing store of make([]T, len, cap) with `cap` elements of `elemSize` bytes; `constSize`
 * false when the sizes are variables the compiler cannot see.
 */
export function makeSlicePlacement(v: VersionModel, escape: Escape, elemSize: number, cap: number, constSize: boolean): MakePlacement {
  if (escape === "heap") return ESCAPING_SLICE;
  const limit = v.compiler.implicitStackLimit;
  // HeapAllocReason (1.26.8): `if elem.Size() == 0 { return "zero-sized element" }`, before any size test.
  if (elemSize === 0 && v.compiler.zeroSizedElemToHeap) {
    return { where: "heap", why: "the compiler sends make of a zero-sized element to the heap (HeapAllocReason: \"zero-sized element\")" };
  }
  if (constSize) {
    // HeapAllocReason: `if ir.Int64Val(r) > ir.MaxImplicitStackVarSize/elem.Size()` (integer division).
    if (elemSize > 0 && cap > Math.floor(limit / elemSize)) {
      return { where: "heap", why: `constant size ${cap} × ${elemSize} B is over the ${limit / 1024} KiB stack limit for implicit variables (ir.MaxImplicitStackVarSize)` };
    }
    return { where: "stack", why: `constant size ${cap} × ${elemSize} B does not escape and fits the ${limit / 1024} KiB stack limit (walkMakeSlice: var arr [cap]T)` };
  }
  const t = v.compiler.variableMakeThreshold;
  if (t === 0) {
    return v.compiler.debug && v.maps === "swiss"
      ? { where: "heap", why: "a variable size goes to the heap in a -N build (walkMakeSlice: tryStack needs base.Flag.N == 0)" }
      : { where: "heap", why: "a variable size always goes to the heap in this version (HeapAllocReason: \"non-constant size\")" };
  }
  // walkMakeSlice (1.26.8): `K := maxStackSize / t.Elem().Size(); if cap <= K { var arr [K]E ... }`.
  const k = Math.floor(t / elemSize);
  if (k > 0 && cap <= k) {
    return { where: "stack", why: `variable size: cap ${cap} ≤ ${k} elements fits the compiler's ${t}-byte stack buffer (walkMakeSlice, Debug.VariableMakeThreshold)` };
  }
  return { where: "heap", why: `variable size: cap ${cap} is over the ${k}-element (${t}-byte) stack buffer, so runtime.makeslice is called (walkMakeSlice)` };
}

/** Where make(map[K]V[, hint]) puts the map header and its first bucket or group. */
export interface MapPlacement {
  /** The hmap / Map header lives in the frame. */
  headerOnStack: boolean;
  /** The first bucket (1.19) or group (1.26+) lives in the frame too. */
  firstOnStack: boolean;
  why: string;
}

/**
 * walkMakeMap (1.19.8 and 1.26.8 alike): a non-escaping map gets its header on the stack, and
 * one bucket or group too when the hint is a constant ≤ 8 (BUCKETSIZE / abi.MapGroupSlots).
 */
export function makeMapPlacement(escape: Escape, hint: number | undefined): MapPlacement {
  if (escape === "heap") return ESCAPING_MAP;
  return hint === undefined || hint <= 8 ? LOCAL_SMALL_MAP : LOCAL_MAP;
}

/** The two placements of a map that does not escape, shared like ESCAPING_MAP (read, never written). */
const LOCAL_SMALL_MAP: MapPlacement = {
  headerOnStack: true,
  firstOnStack: true,
  why: "the map does not escape: walkMakeMap puts its header and one bucket/group in the frame (hint ≤ 8)",
};
const LOCAL_MAP: MapPlacement = {
  headerOnStack: true,
  firstOnStack: false,
  why: "the map does not escape: walkMakeMap puts its header in the frame; the runtime allocates the rest",
};

/** How `s = append(s, v)` in the probe's loop may use a stack buffer. */
export interface AppendPlan {
  /** Elements in the compiler's stack buffer (0: none). */
  bufferLen: number;
  /** The slice is moved to the heap at the end if it is still in the buffer (slice pass move2heap). */
  moveToHeap: boolean;
  why: string;
}

/**
 * 1.26.8: getBackingStoreInfo gives appends whose result does not escape a buffer of
 * K = 32/sizeof(T) elements (0 < sizeof(T) ≤ 32), used by the first growth from length 0
 * (ssagen/ssa.go append: `if l <= K && !used && oldLen == 0`). For `var s []T` assigned away once
 * after the loop (`sink = s`, and also `_ = s`), the slice pass (slice/slice.go) marks the appends
 * non-escaping and inserts a move2heap before that assignment; it gives up on `s := make(...)`,
 * which it does not understand.
 * 1.19.8 has none of this.
 */
export function appendPlan(v: VersionModel, escape: Escape, start: "nil" | "make", elemSize: number): AppendPlan {
  const t = v.compiler.variableMakeThreshold;
  if (!v.compiler.moveToHeap || t === 0) return { bufferLen: 0, moveToHeap: false, why: "" };
  if (elemSize === 0 || elemSize > t) return { bufferLen: 0, moveToHeap: false, why: "" };
  const k = Math.floor(t / elemSize);
  if (start === "nil" && escape !== "stack") {
    // slice.go analyze: any `x = s` is the exclusive->nonexclusive transition, even `_ = s`, so
    // the discarding program gets a move2heap too (measured: 1.26.8 and 1.27.3 copy it out).
    const end = escape === "heap" ? "is stored after the loop" : "is assigned to _ after the loop";
    return {
      bufferLen: k,
      moveToHeap: true,
      why: `the slice ${end} (one transition), so the slice pass lets the appends use a ${k}-element (${t}-byte) stack buffer and moves it to the heap there`,
    };
  }
  if (escape === "heap") return { bufferLen: 0, moveToHeap: false, why: "" };
  return { bufferLen: k, moveToHeap: false, why: `the appended slice does not escape, so its first growth from empty uses a ${k}-element (${t}-byte) stack buffer` };
}
