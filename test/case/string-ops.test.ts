/**
 * The string and growth operations at the parser's door: each op from JSON and from its short
 * form, read back from describeCase to the same case, and each bad input refused with one clear
 * InputError.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { InputError } from "../../kernel-helpers/errors";

const SAME: [string, object][] = [
  ["concat(3, 5)", { op: "concat", lens: [3, 5], escape: "heap" }],
  ["_ = concat(0, 1_000, 7)", { op: "concat", lens: [0, 1000, 7], escape: "discard" }],
  ["concatloop(8, 100) [stack]", { op: "concatloop", len: 8, n: 100, escape: "stack" }],
  ["[]byte(33-byte string)", { op: "convert", to: "bytes", len: 33, escape: "heap" }],
  ["string(1-byte []byte) [stack]", { op: "convert", to: "string", len: 1, escape: "stack" }],
  ["_ = []rune(32-byte string)", { op: "convert", to: "runes", len: 32, escape: "discard" }],
  ["append([]int, 5...)", { op: "appendslice", elem: "int", add: 5, start: "nil", escape: "heap" }],
  ["append(make([]*int, 3, 4), 2...) [stack]", { op: "appendslice", elem: "*int", add: 2, start: "make", len: 3, cap: 4, escape: "stack" }],
  ["slices.Grow(make([]int, 3), 10)", { op: "slicesgrow", elem: "int", grow: 10, start: "make", len: 3, escape: "heap" }],
  ["slices.Grow([]byte, 100)", { op: "slicesgrow", elem: "byte", grow: 100, start: "nil", escape: "heap" }],
  ["strings.Builder(3, 10)", { op: "builder", len: 3, n: 10, escape: "heap" }],
  ["bytes.Buffer(3, 10, 64) [stack]", { op: "buffer", len: 3, n: 10, grow: 64, escape: "stack" }],
];

test("each string op reads from its short form and from JSON, and its description reads back to it", () => {
  for (const [text, json] of SAME) {
    const c = parseCase(text);
    assert.deepEqual(c, json, text);
    assert.deepEqual(parseCase(JSON.stringify(json)), c, `${text} as JSON`);
    assert.deepEqual(parseCase(describeCase(c)), c, `${text} described as ${describeCase(c)}`);
  }
});

test("append(S, n) is still n single appends; only append(S, n...) appends a slice", () => {
  assert.equal(parseCase("append([]int, 5)").op, "append");
  assert.equal(parseCase("append([]int, 5...)").op, "appendslice");
});

const refused = (input: unknown, message: RegExp) =>
  assert.throws(() => parseCase(input), (e) => e instanceof InputError && message.test(e.message), JSON.stringify(input));

test("bad string-op input is refused with one clear message", () => {
  refused("concat(3)", /concat joins 2 to 16 strings, not 1/);
  refused({ op: "concat", lens: 5 }, /must be a list of whole numbers/);
  refused({ op: "concat", lens: [3, -1] }, /lens\[1\] must be a whole number/);
  refused({ op: "convert", to: "ints", len: 3 }, /invalid to: "ints" \(use bytes, string, runes\)/);
  refused("[]byte(3-byte []byte)", /cannot read case/);
  refused("concatloop(3)", /wrong number of arguments/);
  refused({ op: "appendslice", elem: "int", add: 3, start: "nil", len: 2 }, /len and cap apply only to start "make"/);
  refused("append(make([]int, 5, 3), 1...)", /len 5 is larger than cap 3/);
  refused("slices.Grow(map[int]int, 3)", /append needs a slice type/);
  refused("strings.Builder(2_000_000, 1_000)", /at most 1073741824 \(1 GiB\)/);
  refused({ op: "builder", len: 3, n: 1, grow: 1, extra: 1 }, /unknown field "extra" for op builder/);
  refused({ op: "string" }, /unknown op "string": use makemap, .*, buffer, .* or code/);
  refused("concat(3, 5; os.Exit(1))", /lens must be a whole number/);
});
