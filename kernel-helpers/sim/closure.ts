/**
 * A closure that captures variables, as the compiler builds it (alike in 1.19.8, 1.26.8, 1.27.3
 * unless said): escape/escape.go flowClosure decides how each variable is captured (`n.SetByval(
 * !loc.addrtaken && !loc.reassigned && n.Type().Size() <= 128)`); typecheck/func.go ClosureType
 * lays out the closure as struct{F uintptr; X0 T0 or *T0; …}; walk/closure.go walkClosure makes a
 * closure without variables a static funcval, and otherwise `&struct{…}{…}`, which a closure that
 * escapes gets from newObject (newobject.ts). A variable captured by reference by an escaping
 * closure is moved to the heap where it is declared (ssagen/ssa.go newHeapaddr): one newObject
 * each in 1.19.8; from 1.26.8 pointer-free variables under 16 bytes declared together share one
 * mallocgc (maxAggregatedHeapAllocation = 16, flushPendingHeapAllocations).
 */
import { ClosureCase } from "../case";
import { releaseOf } from "../alloc/rules";
import { GoType, layoutOf, parseGoType } from "../types";
import { Heap } from "./malloc";
import { MAX_IMPLICIT_STACK, newObject, newObjectSite } from "./newobject";
import { VersionModel } from "./versions";

/** escape.go flowClosure: variables up to this size that are never reassigned are captured by value. */
const BYVAL_MAX = 128;
/** ssagen/ssa.go (1.26.8, 1.27.3): maxAggregatedHeapAllocation. */
const AGGREGATE_MAX = 16;

interface Captured {
  type: string;
  tree: GoType;
  size: number;
  align: number;
  pointers: boolean;
  byval: boolean;
}

/** typecheck/func.go ClosureType: struct{F uintptr; X0 …; X1 …} with each field a value or a pointer. */
function closureLayout(vars: readonly Captured[]): { size: number; pointers: boolean } {
  const fields = [{ name: "F", type: { kind: "basic", name: "uintptr" } as GoType }, ...vars.map((c, i) => ({
    name: `X${i}`,
    type: c.byval ? c.tree : ({ kind: "pointer", elem: c.tree } as GoType),
  }))];
  const l = layoutOf({ kind: "struct", fields })!;
  return { size: l.size, pointers: l.ptrdata > 0 };
}

/** From 1.26 (read in 1.26.8 and 1.27.3; absent in 1.19.8) small pointer-free heap variables are allocated together. */
function aggregates(v: VersionModel): boolean {
  const [major, minor] = releaseOf(v.go);
  return major > 1 || minor >= 26;
}

/**
 * newHeapaddr for each variable captured by reference, in declaration order. 1.26.8: a variable
 * with pointers, of 16 bytes or more, or of size 0 gets its own newObject; the others join the
 * pending allocation while they fit in 16 bytes (else it is flushed first), and a pending
 * allocation of several becomes one mallocgc(size, nil) (noscan), sorted by decreasing alignment
 * and rounded up to the first one's; a pending allocation of one stays runtime.newobject.
 */
function moveToHeap(heap: Heap, v: VersionModel, vars: readonly Captured[]): void {
  const byref = vars.filter((c) => !c.byval);
  if (!aggregates(v)) {
    for (const c of byref) newObject(heap, c, `moved to heap: a ${c.type}`, movedWhy(c));
    return;
  }
  // Each item is one allocation, in the order of the calls: a pending group's call is made at its
  // first variable's declaration.
  const calls: (Captured | Captured[])[] = [];
  let group: Captured[] | null = null;
  for (const c of byref) {
    if (c.pointers || c.size >= AGGREGATE_MAX || c.size === 0) {
      calls.push(c);
      continue;
    }
    if (group === null || group.reduce((s, p) => s + p.size, 0) + c.size > AGGREGATE_MAX) calls.push((group = []));
    group.push(c);
  }
  for (const call of calls) {
    if (!Array.isArray(call)) newObject(heap, call, `moved to heap: a ${call.type}`, movedWhy(call));
    else if (call.length === 1) heap.malloc(call[0].size, true, "runtime.newobject", heap.recording ? movedWhy(call[0]) : "");
    else allocateTogether(heap, v, call);
  }
}

function movedWhy(c: Captured): string {
  return `${c.type} variable captured by reference by a closure that escapes: moved to heap (newHeapaddr)`;
}

/** flushPendingHeapAllocations: one mallocgc(size, nil) for several small pointer-free variables. */
function allocateTogether(heap: Heap, v: VersionModel, group: readonly Captured[]): void {
  const sorted = [...group].sort((a, b) => b.align - a.align);
  const total = sorted.reduce((s, c) => s + c.size, 0);
  const size = Math.ceil(total / sorted[0].align) * sorted[0].align;
  const site = newObjectSite(v, size, false).replace("runtime.newobject", "runtime.mallocgc");
  heap.malloc(size, true, site, heap.recording
    ? `${group.map((c) => c.type).join(", ")} variables captured by reference, moved to heap together: one mallocgc(${size}, nil) for ${group.length} pointer-free variables within ${AGGREGATE_MAX} B (flushPendingHeapAllocations)`
    : "");
}

/** Allocations of the probe's closure case: the variables it moved to the heap, then the closure. */
export function simulateClosure(heap: Heap, c: ClosureCase): void {
  const v = heap.version;
  const vars: Captured[] = c.captures.map((type) => {
    const tree = parseGoType(type);
    const l = layoutOf(tree)!;
    return { type, tree, size: l.size, align: l.align, pointers: l.ptrdata > 0, byval: !c.reassigned && l.size <= BYVAL_MAX };
  });
  if (vars.length === 0) return heap.note("a closure without captured variables is a static funcval: nothing to allocate (walkClosure)");
  const closure = closureLayout(vars);
  const how = vars.map((x) => `${x.type} by ${x.byval ? "value" : "reference"}`).join(", ");
  if (c.escape !== "heap" && closure.size <= MAX_IMPLICIT_STACK) {
    return heap.note(`the closure (${how}) does not escape: it and its variables stay in the frame`);
  }
  moveToHeap(heap, v, vars);
  const reasons = vars.map((x) => (x.byval ? "" : c.reassigned ? "reassigned" : `over ${BYVAL_MAX} B`));
  const why = `the closure escapes (stored in a package-level variable): struct{F uintptr; ${vars.map((x, i) => `X${i} ${x.byval ? "" : "*"}${x.type}`).join("; ")}}, ${closure.size} B (${how}${reasons.some((r) => r) ? `; by reference: ${[...new Set(reasons.filter((r) => r))].join(", ")}` : ""})`;
  newObject(heap, { size: closure.size, pointers: closure.pointers }, "closure", why);
}
