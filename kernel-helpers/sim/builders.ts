/**
 * strings.Builder and bytes.Buffer growing under n WriteString calls of len bytes, after an
 * optional Grow. Both keep their bytes in a []byte that escapes through the method calls, so
 * every growth is a heap allocation; the var itself stays in the frame (measured: a Builder or
 * Buffer that is never written allocates nothing).
 */
import { BufferCase, BuilderCase } from "../case";
import { roundupsize } from "../alloc/msize";
import { Heap } from "./malloc";
import { growslice } from "./slice";
import { extendSlice } from "./slice-growth";
import { stringRules } from "./string-rules";
import { typeInfo } from "./typeinfo";

const BYTE = () => typeInfo("byte");

/**
 * strings/builder.go: Grow(n) calls grow(n) when cap - len < n; WriteString is
 * `b.buf = append(b.buf, s...)`, a growslice of []byte when it does not fit.
 */
export function simulateBuilder(heap: Heap, c: BuilderCase): void {
  let len = 0;
  let cap = 0;
  if (c.grow !== undefined && cap - len < c.grow) cap = builderGrow(heap, cap, c.grow);
  if (c.len === 0) return heap.note("writing empty strings appends nothing");
  writes(c, len, cap, (l, k, i) => growslice(heap, BYTE(), k, l + c.len, `WriteString ${i}: append(b.buf, s...) needs length ${l + c.len} (cap ${k})`));
}

/**
 * The n writes of len bytes from (len, cap): the writes that fit are skipped over in one step;
 * `grow(len, cap, i)` makes room for write i and returns the new cap.
 */
function writes(c: { len: number; n: number }, len: number, cap: number, grow: (len: number, cap: number, i: number) => number): void {
  let done = 0;
  while (done < c.n) {
    const fit = Math.min(Math.floor((cap - len) / c.len), c.n - done);
    if (fit > 0) {
      len += fit * c.len;
      done += fit;
      continue;
    }
    cap = grow(len, cap, done + 1);
    len += c.len;
    done++;
  }
}

/** Builder.grow(n): a new buf of cap 2*cap+n, exact in 1.19.8, rounded to a size class since (string-rules.ts). */
function builderGrow(heap: Heap, cap: number, n: number): number {
  const want = 2 * cap + n;
  if (stringRules(heap.version).builderGrowRoundsUp) {
    const got = roundupsize(heap.version.malloc, want, true);
    heap.malloc(got, true, "internal/bytealg.MakeNoZero", heap.recording ? `b.Grow(${n}): grow makes bytealg.MakeNoZero(2*cap + ${n} = ${want}), cap rounded up to ${got}` : "");
    return got;
  }
  heap.malloc(want, true, "runtime.makeslice", heap.recording ? `b.Grow(${n}): grow makes make([]byte, len, 2*cap + ${n} = ${want})` : "");
  return want;
}

/** bytes/buffer.go: `const smallBufferSize = 64` (1.19.8, 1.26.8, 1.27.3 alike). */
const SMALL_BUFFER_SIZE = 64;

/**
 * bytes/buffer.go Buffer.grow(n) (the probe never reads, so b.off stays 0): a reslice when it
 * fits; a first buffer of cap 64 when buf is nil and n ≤ 64 (`make([]byte, n, smallBufferSize)`);
 * otherwise growSlice(b.buf, n): c = len + n, at least 2*cap, allocated as
 * `append([]byte(nil), make([]byte, c)...)`, a growslice from cap 0 to c (rounded to a size class).
 * Sliding down (`n <= c/2-m`) needs b.off > 0, which the probe never has.
 */
function bufferGrow(heap: Heap, len: number, cap: number, n: number, what: string): number {
  if (cap === 0 && n <= SMALL_BUFFER_SIZE) {
    heap.malloc(SMALL_BUFFER_SIZE, true, "runtime.makeslice", heap.recording ? `${what}: the first ${n} bytes get make([]byte, ${n}, smallBufferSize = ${SMALL_BUFFER_SIZE})` : "");
    return SMALL_BUFFER_SIZE;
  }
  const c = Math.max(len + n, 2 * cap);
  return extendSlice(heap, BYTE(), 0, c, c, `${what}: growSlice needs len ${len} + ${n}, at least twice cap ${cap}: append([]byte(nil), make([]byte, ${c})...)`);
}

/** `var b bytes.Buffer; [b.Grow(grow)]; n × b.WriteString(x)`: tryGrowByReslice, else grow. */
export function simulateBuffer(heap: Heap, c: BufferCase): void {
  let len = 0;
  let cap = 0;
  // Grow(0) on a nil buffer reslices nil to [:0]: nothing is made.
  if (c.grow !== undefined && c.grow > cap - len) cap = bufferGrow(heap, len, cap, c.grow, `b.Grow(${c.grow})`);
  if (c.len === 0) return heap.note("writing empty strings reslices, never grows");
  writes(c, len, cap, (l, k, i) => bufferGrow(heap, l, k, c.len, `WriteString ${i}`));
}
