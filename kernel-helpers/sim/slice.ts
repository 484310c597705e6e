/**
 * make([]T) and append per version: runtime/slice.go makeslice, growslice (nextslicecap in
 * 1.26.8), and 1.26.8's moveSliceNoCap / moveSliceNoCapNoScan, driven by the compiler's
 * placement rules (stack.ts).
 */
import { AppendCase, MakeSliceCase } from "../case";
import { InputError } from "../errors";
import { simMessages } from "../messages";
import { roundupsize } from "../alloc/msize";
import { Heap } from "./malloc";
import { appendPlan, makeSlicePlacement } from "./stack";
import { TypeInfo, typeInfo } from "./typeinfo";

/** maxAlloc on amd64: 1 << heapAddrBits (48), runtime/malloc.go. */
const MAX_ALLOC = 2 ** 48;

/**
 * The new capacity growslice picks for `newLen` elements from `oldCap`: double below 256, then
 * grow by (newcap + 3*256)/4 until it suffices (1.19.8 growslice; 1.26.8 nextslicecap).
 */
export function nextSliceCap(newLen: number, oldCap: number): number {
  const doubled = oldCap + oldCap;
  if (newLen > doubled) return newLen;
  if (oldCap < 256) return doubled;
  let c = oldCap;
  while (c < newLen) c += Math.floor((c + 768) / 4);
  return c;
}

/**
 * growslice for one growth to `newLen` elements from capacity `oldCap`: allocates the new backing
 * array and returns its capacity. Zero-sized elements allocate nothing (`if et.Size_ == 0`).
 */
export function growslice(heap: Heap, et: TypeInfo, oldCap: number, newLen: number, why: string, random = false, site = "runtime.growslice"): number {
  const v = heap.version;
  const size = et.size;
  if (size === 0) return newLen;
  const noscan = !et.pointers;
  let newcap = nextSliceCap(newLen, oldCap);
  let capmem = roundupsize(v.malloc, newcap * size, noscan);
  newcap = Math.floor(capmem / size);
  // 1.26.8 growslice recomputes `capmem = uintptr(newcap) << shift` (or `* et.Size_`); 1.19.8 asks
  // for the rounded capmem itself. (Sizes 1 and 8 divide every class size, so they agree there.)
  if (v.growslice === "1.26") capmem = newcap * size;
  if (capmem > MAX_ALLOC) throw new InputError(simMessages.goPanics("growslice: len out of range"), String(newLen));
  heap.malloc(capmem, noscan, site, heap.recording ? `${why}: growslice from cap ${oldCap} to cap ${newcap} (${capmem} B)` : "", random);
  return newcap;
}

/** Allocations of make([]T, len, cap) as the probe writes it. */
export function simulateMakeSlice(heap: Heap, c: MakeSliceCase): void {
  const et = typeInfo(c.elem);
  const cap = c.cap ?? c.len;
  const placement = makeSlicePlacement(heap.version, c.escape, et.size, cap, c.constSize !== false);
  if (placement.where === "stack") {
    heap.note(`make([]${c.elem}, ${c.len}${c.cap === undefined ? "" : `, ${c.cap}`}) on the stack: ${placement.why}`);
    return;
  }
  makeslice(heap, et, cap, placement.why);
}

/** runtime.makeslice: one mallocgc of cap × sizeof(T) bytes (panics above maxAlloc). */
function makeslice(heap: Heap, et: TypeInfo, cap: number, why: string): void {
  const mem = et.size * cap;
  if (mem > MAX_ALLOC) throw new InputError(simMessages.goPanics("makeslice: len out of range"), String(cap));
  heap.malloc(mem, !et.pointers, "runtime.makeslice", `make([]${et.text}) of cap ${cap}: ${why}`);
}

/** Allocations of the probe's append loop: start, then `n` single appends, then the sink. */
export function simulateAppend(heap: Heap, c: AppendCase): void {
  const v = heap.version;
  const et = typeInfo(c.elem);
  let len = 0;
  let cap = 0;
  let inBuffer = false;
  if (c.start === "make") {
    len = c.len ?? 0;
    cap = c.cap ?? len;
    const placement = makeSlicePlacement(v, c.escape, et.size, cap, true);
    if (placement.where === "stack") heap.note(`the starting make([]${c.elem}, ${len}, ${cap}) is on the stack: ${placement.why}`);
    else makeslice(heap, et, cap, placement.why);
  }
  const plan = appendPlan(v, c.escape, c.start, et.size);
  let bufferUsed = false;
  const target = len + c.n;
  // Only growths allocate, so jump from one to the next.
  while (len < target) {
    if (len < cap) {
      len = Math.min(target, cap);
      continue;
    }
    const newLen = len + 1;
    if (plan.bufferLen > 0 && !bufferUsed && len === 0 && newLen <= plan.bufferLen) {
      bufferUsed = true;
      inBuffer = true;
      cap = plan.bufferLen;
      len = newLen;
      heap.note(`append ${newLen}: ${plan.why}`);
      continue;
    }
    cap = growslice(heap, et, cap, newLen, `append ${newLen} finds the slice full (len ${len}, cap ${cap})${inBuffer ? ", in the stack buffer" : ""}`);
    inBuffer = false;
    len = newLen;
  }
  if (plan.moveToHeap && inBuffer && len > 0) moveSliceNoCap(heap, et, len);
}

/**
 * 1.26.8 runtime/slice.go moveSliceNoCap / moveSliceNoCapNoScan: the move2heap the slice pass put
 * before the sink copies the stack buffer's `len` elements to the heap, rounded up to a size class.
 */
function moveSliceNoCap(heap: Heap, et: TypeInfo, len: number): void {
  const v = heap.version;
  const lenmem = len * et.size;
  const noscan = !et.pointers;
  const capmem = roundupsize(v.malloc, lenmem, noscan);
  const size = noscan ? capmem : Math.floor(capmem / et.size) * et.size;
  const site = noscan ? "runtime.moveSliceNoCapNoScan" : "runtime.moveSliceNoCap";
  heap.malloc(size, noscan, site, `the slice leaves the function while still in its stack buffer: move2heap copies its ${len} element${len === 1 ? "" : "s"} to the heap`);
}
