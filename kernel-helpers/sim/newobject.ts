/**
 * new(T) and &T{} as the compiler and the runtime serve them, and the compiler's newObject that
 * closures and variables moved to the heap share: cmd/compile/internal/ssagen/ssa.go newObject
 * (zero-sized types get &runtime.zerobase with no call; 1.27.3 calls the size-specialised
 * function of T's size class for T up to 80 bytes, specializedMallocSym), runtime/malloc.go
 * newobject (`mallocgc(typ.Size_, typ, true)`), and escape/utils.go HeapAllocReason.
 */
import { NewCase } from "../case";
import { sizeClassOf } from "../alloc/sizeclasses";
import { Heap } from "./malloc";
import { TypeInfo, typeInfo } from "./typeinfo";
import { VersionModel } from "./versions";

/**
 * ir.MaxImplicitStackVarSize (cmd/compile/internal/ir/cfg.go, 64 KiB in 1.19.8, 1.26.8, 1.27.3):
 * HeapAllocReason sends new(T) and &T{} of a larger T to the heap ("too large for stack") even
 * when the pointer does not escape; a closure's struct too.
 */
export const MAX_IMPLICIT_STACK = 64 * 1024;

/**
 * The runtime function compiled code calls for new(T) of `size` bytes: runtime.newobject, or on
 * 1.27.3 (size-specialised malloc on by default) for size ≤ 80 the generated function of its
 * size class (ssa.go specializedMallocSym: mallocgcSmallScanNoHeaderSC<n> when T has pointers,
 * mallocgcTinySC2 below 16 bytes, mallocgcSmallNoScanSC<n> otherwise).
 */
export function newObjectSite(v: VersionModel, size: number, pointers: boolean): string {
  const limit = v.malloc.sizeSpecialized;
  if (limit === 0 || size > limit) return "runtime.newobject";
  const sc = sizeClassOf(v.malloc.sizeClasses, size);
  if (pointers) return `runtime.mallocgcSmallScanNoHeaderSC${sc}`;
  if (size < v.malloc.tinySize) return "runtime.mallocgcTinySC2";
  return `runtime.mallocgcSmallNoScanSC${sc}`;
}

/** One newObject of `t` (ssa.go newObject): nothing for a zero-sized T, else one mallocgc. */
export function newObject(heap: Heap, t: Pick<TypeInfo, "size" | "pointers">, what: string, why: string): void {
  if (t.size === 0) {
    heap.note(`${what}: a zero-sized type gets the address of runtime.zerobase, with no call (ssa.go newObject)`);
    return;
  }
  heap.malloc(t.size, !t.pointers, newObjectSite(heap.version, t.size, t.pointers), heap.recording ? why : "");
}

/** Allocations of the probe's `new` case: n calls, each result stored, kept or discarded. */
export function simulateNew(heap: Heap, c: NewCase): void {
  const t = typeInfo(c.type);
  const n = c.n ?? 1;
  const what = c.literal ? `&${c.type}{}` : `new(${c.type})`;
  if (c.escape !== "heap" && t.size <= MAX_IMPLICIT_STACK) {
    heap.note(`${what} does not escape and T is at most ${MAX_IMPLICIT_STACK / 1024} KiB: the object lives in the frame (walkNew: stackTempAddr)`);
    return;
  }
  const reason = c.escape === "heap"
    ? "the pointer is stored in a package-level variable, so the object escapes"
    : `T is ${t.size} B, over the ${MAX_IMPLICIT_STACK / 1024} KiB limit for implicit stack variables (HeapAllocReason: "too large for stack")`;
  heap.expect(n);
  const why = heap.recording ? `${what}: ${reason}` : "";
  for (let i = 0; i < n; i++) newObject(heap, t, what, why);
}
