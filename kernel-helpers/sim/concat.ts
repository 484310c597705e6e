/**
 * String concatenation: the compiler's choice of a stack buffer (cmd/compile/internal/walk/expr.go
 * walkAddString: `if x.Esc() == ir.EscNone` it passes a 32-byte tmpBuf, else nil; the same in
 * 1.19.8, 1.26.8 and 1.27.3), then runtime/string.go concatstrings.
 */
import { ConcatCase, ConcatLoopCase } from "../case";
import { Heap } from "./malloc";
import { TMP_STRING_BUF_SIZE } from "./string-rules";

/**
 * runtime/string.go concatstrings(buf, a): "" when every string is empty; the one non-empty string
 * itself when there is only one (the probe's strings are on the heap, so `!stringDataOnStack`);
 * the 32-byte buf when it is given and the result fits; else rawstring(l), one noscan
 * mallocgc(l) (not rounded up: a result under 16 bytes goes to the tiny allocator).
 */
export function concatstrings(heap: Heap, lens: readonly number[], buf: boolean, why: string): void {
  let l = 0;
  let count = 0;
  for (const n of lens) if (n > 0) { l += n; count++; }
  if (count === 0) return heap.note(`${why}: every string is empty, so concatstrings returns "" without allocating`);
  if (count === 1) return heap.note(`${why}: only one string is non-empty, so concatstrings returns it as it is`);
  if (buf && l <= TMP_STRING_BUF_SIZE) return heap.note(`${why}: the ${l}-byte result fits the ${TMP_STRING_BUF_SIZE}-byte stack buffer (tmpBuf) the compiler passed`);
  const where = buf ? `the ${l}-byte result is over the ${TMP_STRING_BUF_SIZE}-byte stack buffer` : "the result escapes, so the compiler passed no stack buffer";
  heap.malloc(l, true, "runtime.rawstring", heap.recording ? `${why}: ${where}; concatstrings calls rawstring(${l})` : "");
}

/** `a + b (+ …)` once: the result escapes (heap) or not (stack, discard: `_ =` does not escape either). */
export function simulateConcat(heap: Heap, c: ConcatCase): void {
  const buf = c.escape !== "heap";
  concatstrings(heap, c.lens, buf, `concatenating ${c.lens.join(" + ")} bytes`);
}

/**
 * `s += x` n times: in the loop, the result is assigned to s, declared outside it, so escape
 * analysis finds it outlives the loop iteration (escape/solve.go outlives: `l.loopDepth <
 * other.loopDepth`) and the compiler passes no buffer, whatever becomes of s afterwards.
 */
export function simulateConcatLoop(heap: Heap, c: ConcatLoopCase): void {
  if (c.len === 0 || c.n === 0) return heap.note(c.n === 0 ? "the loop never runs" : 's += "" never allocates: concatstrings returns the one non-empty string, or ""');
  heap.note(`s += x 1: s is empty, so concatstrings returns x itself (${c.len} bytes) without allocating`);
  heap.expect(c.n - 1);
  for (let i = 2; i <= c.n; i++) {
    const l = i * c.len;
    heap.malloc(l, true, "runtime.rawstring", heap.recording ? `s += x ${i}: inside the loop the result outlives the iteration, so no stack buffer; rawstring(${l})` : "");
  }
}
