/**
 * amd64 layout (kernel-helpers/types/layout.ts), checked against numbers derived by hand from Go's
 * rules (cmd/compile/internal/types/size.go):
 *   - a field starts at the next multiple of its alignment; a struct's alignment is its largest
 *     field alignment and its size is rounded up to it;
 *   - a non-empty struct whose last field has size 0 gets one byte of padding before rounding
 *     (so &s.last never points at the next object);
 *   - an array [n]T has size n*size(T) and T's alignment;
 *   - ptrdata is the offset just past the last pointer word: string, slice, map, pointer hold
 *     one pointer in their first word; any holds two (type word and data word);
 *     [n]T has (n-1)*size(T) + ptrdata(T), and 0 when n == 0 or T has no pointers.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Layout, MAX_TYPE_SIZE, layoutOf, parseGoType } from "../../kernel-helpers/types";

function layout(text: string): Layout {
  const l = layoutOf(parseGoType(text));
  assert.ok(l, `${text} has no layout`);
  return l;
}

/** Asserts size, align and ptrdata of a type together, so a failure shows all three. */
function lays(text: string, expected: Layout): void {
  assert.deepEqual(layout(text), expected, `layout of ${text}`);
}

test("basic types", () => {
  lays("bool", { size: 1, align: 1, ptrdata: 0 });
  lays("int8", { size: 1, align: 1, ptrdata: 0 });
  lays("byte", { size: 1, align: 1, ptrdata: 0 }); // alias of uint8
  lays("int16", { size: 2, align: 2, ptrdata: 0 });
  lays("rune", { size: 4, align: 4, ptrdata: 0 }); // alias of int32
  lays("float32", { size: 4, align: 4, ptrdata: 0 });
  lays("int", { size: 8, align: 8, ptrdata: 0 }); // int is 64-bit on amd64
  lays("uintptr", { size: 8, align: 8, ptrdata: 0 }); // an integer: the GC does not scan it
  lays("float64", { size: 8, align: 8, ptrdata: 0 });
  // complex64 is two float32s: size 2*4 = 8, aligned like one float32 = 4.
  lays("complex64", { size: 8, align: 4, ptrdata: 0 });
  // complex128 is two float64s: size 2*8 = 16, align 8.
  lays("complex128", { size: 16, align: 8, ptrdata: 0 });
  // string is {ptr, len}: 2 words = 16; only the first word is a pointer → ptrdata 8.
  lays("string", { size: 16, align: 8, ptrdata: 8 });
});

test("pointers, maps, slices and any", () => {
  // A pointer is one word, and that word is a pointer.
  lays("*int", { size: 8, align: 8, ptrdata: 8 });
  // A map value is a pointer to the runtime's map header: one pointer word.
  lays("map[string][]int", { size: 8, align: 8, ptrdata: 8 });
  // A slice is {ptr, len, cap}: 3 words = 24; only the first is a pointer → ptrdata 8.
  lays("[]string", { size: 24, align: 8, ptrdata: 8 });
  // any is {type, data}: 2 words = 16, both pointers → ptrdata 16.
  lays("any", { size: 16, align: 8, ptrdata: 16 });
  lays("interface{}", { size: 16, align: 8, ptrdata: 16 });
});

test("struct field order and padding", () => {
  // a at 0 (1 byte); b aligned to 8 → at 8, ends at 16; align 8 → size 16.
  lays("struct{a int8; b int64}", { size: 16, align: 8, ptrdata: 0 });
  // a at 0..8; b at 8..9; rounded up to align 8 → 16.
  lays("struct{a int64; b int8}", { size: 16, align: 8, ptrdata: 0 });
  // a at 0, b at 1, c at 2 (int16 aligned to 2) ..4; d at 4..8 → 8, align 4.
  lays("struct{a, b int8; c int16; d int32}", { size: 8, align: 4, ptrdata: 0 });
  // a at 0; b at 2..4; c at 4..5; rounded to align 2 → 6.
  lays("struct{a int8; b int16; c int8}", { size: 6, align: 2, ptrdata: 0 });
  // a at 0; complex64 aligns to 4 → b at 4..12; align 4 → 12.
  lays("struct{a int8; b complex64}", { size: 12, align: 4, ptrdata: 0 });
  // a at 0; complex128 aligns to 8 → b at 8..24 → 24.
  lays("struct{a bool; b complex128}", { size: 24, align: 8, ptrdata: 0 });
  // inner struct{c int8; d int16} is size 4 align 2; a at 0, b at 2..6; align 2 → 6.
  lays("struct{a int8; b struct{c int8; d int16}}", { size: 6, align: 2, ptrdata: 0 });
});

test("empty structs and trailing zero-size fields", () => {
  // No fields: size 0, align 1.
  lays("struct{}", { size: 0, align: 1, ptrdata: 0 });
  // Only zero-size fields: size stays 0, so no padding byte is added.
  lays("struct{a struct{}; b [0]int}", { size: 0, align: 8, ptrdata: 0 });
  // a at 0..1; b (size 0) at 1; trailing zero-size field → +1 = 2; align 1 → 2.
  lays("struct{a int8; b struct{}}", { size: 2, align: 1, ptrdata: 0 });
  // a at 0..8; b at 8; +1 padding = 9; rounded to align 8 → 16.
  lays("struct{a int64; b struct{}}", { size: 16, align: 8, ptrdata: 0 });
  // a at 0..4; [0]int64 aligns to 8 → b at 8; +1 = 9; rounded to align 8 → 16.
  lays("struct{a int32; b [0]int64}", { size: 16, align: 8, ptrdata: 0 });
  // A zero-size field that is not last adds nothing: a (size 0) at 0, b at 0..1 → 1.
  lays("struct{a struct{}; b int8}", { size: 1, align: 1, ptrdata: 0 });
  // p at 0..8 is the only pointer → ptrdata 8; z at 8, +1 = 9 → 16.
  lays("struct{p *int; z struct{}}", { size: 16, align: 8, ptrdata: 8 });
});

test("struct ptrdata ends at the last pointer word", () => {
  // a at 0..8 (no pointer); b at 8..16 is a pointer → ptrdata 16.
  lays("struct{a int; b *int}", { size: 16, align: 8, ptrdata: 16 });
  // a at 0..8 is a pointer; b at 8..16 is not → ptrdata 8.
  lays("struct{a *int; b int}", { size: 16, align: 8, ptrdata: 8 });
  // a at 0..8; string b at 8..24 has its pointer at 8..16 → ptrdata 16.
  lays("struct{a int; b string}", { size: 24, align: 8, ptrdata: 16 });
  // s at 0..24 (pointer word 0..8); p at 24..40: [2]*int, ptrdata (2-1)*8+8 = 16 → 24+16 = 40.
  lays("struct{s []int; p [2]*int}", { size: 40, align: 8, ptrdata: 40 });
  // x at 0..16 (any: both words pointers) → 16; n at 16..24 is not a pointer → ptrdata 16.
  lays("struct{x any; n int}", { size: 24, align: 8, ptrdata: 16 });
  // No pointers anywhere → 0 (noscan), however large.
  lays("struct{a [100]int; b float64}", { size: 808, align: 8, ptrdata: 0 });
});

test("arrays", () => {
  // 3 strings of 16 bytes = 48; the last pointer word is in element 2: 2*16 + 8 = 40.
  lays("[3]string", { size: 48, align: 8, ptrdata: 40 });
  // No elements: size 0; alignment still that of int = 8; no pointers.
  lays("[0]int", { size: 0, align: 8, ptrdata: 0 });
  // Zero elements of a pointer type still hold no pointer → ptrdata 0.
  lays("[0]*int", { size: 0, align: 8, ptrdata: 0 });
  // Likewise for strings (the (n-1)*size + ptrdata formula would give -8 here).
  lays("[0]string", { size: 0, align: 8, ptrdata: 0 });
  // 5 bytes, byte-aligned.
  lays("[5]byte", { size: 5, align: 1, ptrdata: 0 });
  // 3 complex64 = 24 bytes, aligned to 4 like complex64.
  lays("[3]complex64", { size: 24, align: 4, ptrdata: 0 });
  // 4 pointers: 32 bytes; last pointer word ends at 3*8 + 8 = 32.
  lays("[4]*int", { size: 32, align: 8, ptrdata: 32 });
  // 2 slices: 48 bytes; last pointer word is element 1's first word: 1*24 + 8 = 32.
  lays("[2][]int", { size: 48, align: 8, ptrdata: 32 });
  // [2]string is 32 bytes with ptrdata 24; 3 of them: 96 bytes, ptrdata 2*32 + 24 = 88.
  lays("[3][2]string", { size: 96, align: 8, ptrdata: 88 });
  // An array of empty structs is empty whatever its length.
  lays("[1000000000]struct{}", { size: 0, align: 1, ptrdata: 0 });
  // Element struct{p *int; n int} is 16 with ptrdata 8; 2 of them: 32, ptrdata 16 + 8 = 24.
  lays("[2]struct{p *int; n int}", { size: 32, align: 8, ptrdata: 24 });
});

test("the size limit", () => {
  assert.equal(MAX_TYPE_SIZE, 2 ** 48);
  // 2^45 ints of 8 bytes = 2^48 bytes: at the limit, refused. 2^45 = 35184372088832 > 1e9, so
  // build the tree directly instead of through the parser's array-length bound.
  assert.equal(layoutOf({ kind: "array", length: 2 ** 45, elem: { kind: "basic", name: "int" } }), null);
  // One int fewer is 2^48 - 8 bytes: allowed.
  assert.equal(layoutOf({ kind: "array", length: 2 ** 45 - 1, elem: { kind: "basic", name: "int" } })?.size, 2 ** 48 - 8);
  // 1e9 * 1e5 bytes = 1e14 < 2^48 ≈ 2.8e14: allowed.
  assert.equal(layout("[1000000000][100000]byte").size, 1e14);
  // 1e9 * 1e9 bytes = 1e18 ≥ 2^48: refused by the parser.
  assert.throws(() => parseGoType("[1000000000][1000000000]byte"), /larger than Go allows/);
  // Two 2e14-byte fields: 4e14 ≥ 2^48 even though each fits.
  assert.equal(layoutOf(parseGoType("[1000000000][200000]byte"))?.size, 2e14);
  assert.throws(() => parseGoType("struct{a, b [1000000000][200000]byte}"), /larger than Go allows/);
});
