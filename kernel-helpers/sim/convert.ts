/**
 * The conversions []byte(s), string(b) and []rune(s). The compiler passes a 32-byte (or 32-rune)
 * stack buffer when the result does not escape (cmd/compile/internal/walk/convert.go
 * walkStringToBytes, walkBytesRunesToString, walkStringToRunes: `if n.Esc() == ir.EscNone`);
 * since 1.22 a non-escaping []byte(s) that is never mutated shares the string's bytes instead
 * (string-rules.ts zeroCopyBytes). The runtime side is runtime/string.go, alike in all three.
 */
import { ConvertCase } from "../case";
import { roundupsize } from "../alloc/msize";
import { Heap } from "./malloc";
import { stringRules, TMP_STRING_BUF_SIZE } from "./string-rules";

/** Allocations of one conversion as the probe writes it (its strings are ASCII: one rune a byte). */
export function simulateConvert(heap: Heap, c: ConvertCase): void {
  // `_ = conv` does not escape either: the compiler passes the buffer as for a local (measured).
  const buf = c.escape !== "heap";
  switch (c.to) {
    case "bytes":
      return stringToBytes(heap, c.len, buf);
    case "string":
      return bytesToString(heap, c.len, buf);
    case "runes":
      return stringToRunes(heap, c.len, buf);
  }
}

const fits = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} fit the ${TMP_STRING_BUF_SIZE}-${unit} stack buffer the compiler passed (the result does not escape)`;

/** runtime.stringtoslicebyte(buf, s): the buffer when len(s) ≤ 32, else rawbyteslice(len(s)). */
function stringToBytes(heap: Heap, len: number, buf: boolean): void {
  if (buf && stringRules(heap.version).zeroCopyBytes) {
    return heap.note("[]byte(s) does not escape and is never written to, so escape analysis makes it share the string's bytes (zero-copy string->[]byte conversion): no copy, no allocation");
  }
  if (buf && len <= TMP_STRING_BUF_SIZE) return heap.note(`stringtoslicebyte: ${fits(len, "byte")}`);
  rawbyteslice(heap, len, buf ? `${len} bytes are over the ${TMP_STRING_BUF_SIZE}-byte stack buffer` : "the []byte escapes, so there is no stack buffer");
}

/** runtime.rawbyteslice(size): one noscan mallocgc of roundupsize(size); the slice's cap is that. */
function rawbyteslice(heap: Heap, size: number, why: string): void {
  const cap = roundupsize(heap.version.malloc, size, true);
  heap.malloc(cap, true, "runtime.rawbyteslice", heap.recording ? `[]byte(s): ${why}; rawbyteslice(${size}) asks for roundupsize(${size}) = ${cap} B, the slice's cap` : "");
}

/**
 * runtime.slicebytetostring(buf, ptr, n): "" for n = 0; for n = 1 a string pointing into the
 * runtime's staticuint64s table; the buffer when n ≤ 32; else mallocgc(n) (not rounded up).
 */
function bytesToString(heap: Heap, n: number, buf: boolean): void {
  if (n === 0) return heap.note('string(b) of an empty []byte is "" (slicebytetostring: n == 0)');
  if (n === 1) return heap.note("string(b) of one byte points into the runtime's staticuint64s table (slicebytetostring: n == 1): no allocation");
  if (buf && n <= TMP_STRING_BUF_SIZE) return heap.note(`slicebytetostring: ${fits(n, "byte")}`);
  const why = buf ? `${n} bytes are over the ${TMP_STRING_BUF_SIZE}-byte stack buffer` : "the string escapes, so there is no stack buffer";
  heap.malloc(n, true, "runtime.slicebytetostring", heap.recording ? `string(b): ${why}; slicebytetostring calls mallocgc(${n})` : "");
}

/** runtime.stringtoslicerune(buf, s): the [32]rune buffer when s has ≤ 32 runes, else rawruneslice. */
function stringToRunes(heap: Heap, runes: number, buf: boolean): void {
  if (buf && runes <= TMP_STRING_BUF_SIZE) return heap.note(`stringtoslicerune: ${fits(runes, "rune")}`);
  const mem = roundupsize(heap.version.malloc, runes * 4, true);
  const why = buf ? `${runes} runes are over the ${TMP_STRING_BUF_SIZE}-rune stack buffer` : "the []rune escapes, so there is no stack buffer";
  heap.malloc(mem, true, "runtime.rawruneslice", heap.recording ? `[]rune(s): ${why}; rawruneslice(${runes}) asks for roundupsize(${runes} × 4) = ${mem} B` : "");
}
