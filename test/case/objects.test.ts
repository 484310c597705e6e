/**
 * The object operations' cases (kernel-helpers/case/objects.ts, object-forms.ts): JSON and short
 * forms read to the same Case, describeCase writes a short form that reads back, and bad input is
 * one clear InputError.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../kernel-helpers/errors";
import { Case, describeCase, parseCase } from "../../kernel-helpers/case";
import { objectsMatrix } from "../../kernel-helpers/record";

function parses(input: unknown, expected: Case): void {
  const got = parseCase(input);
  assert.equal(JSON.stringify(got), JSON.stringify(expected), `parseCase(${JSON.stringify(input)})`);
  assert.deepEqual(parseCase(describeCase(got)), got, `the short form ${describeCase(got)} reads back`);
}

function rejects(input: unknown, pattern: RegExp): void {
  assert.throws(() => parseCase(input), (e: unknown) => e instanceof InputError && !/\n/.test(e.message) && pattern.test(e.message), JSON.stringify(input));
}

test("new(T) and &T{}: JSON and short forms", () => {
  parses("new(int32)", { op: "new", type: "int32", escape: "heap" });
  parses('{"op":"new","type":"int32","n":1}', { op: "new", type: "int32", escape: "heap" });
  parses("new(int32) [10 times]", { op: "new", type: "int32", n: 10, escape: "heap" });
  parses("new(int32) [1_000 times, stack]", { op: "new", type: "int32", n: 1000, escape: "stack" });
  parses("_ = new([65537]byte)", { op: "new", type: "[65537]byte", escape: "discard" });
  parses("&struct{a int; b string}{}", { op: "new", type: "struct{a int; b string}", literal: true, escape: "heap" });
  parses("&[4]int{} [3 times]", { op: "new", type: "[4]int", n: 3, literal: true, escape: "heap" });
  assert.equal(describeCase(parseCase('{"op":"new","type":"[2]int","n":5,"escape":"stack"}')), "new([2]int) [5 times, stack]");
});

test("new: bad input is one clear line", () => {
  rejects("&int{}", /composite literal needs a struct, array, slice or map type/);
  rejects('{"op":"new","type":"int","literal":true}', /composite literal/);
  rejects("new(int) [0 times]", /n must be a whole number/);
  rejects('{"op":"new","type":"int","n":0}', /n must be a whole number from 1/);
  rejects("new(int) [2000000 times]", /from 1 to 1000000/);
  rejects("make([]int, 1) [3 times]", /applies only to new/);
  rejects("new(int, 3)", /wrong number of arguments/);
  rejects("new(chan int)", /unknown type name|expected/);
  rejects("new([100000000]byte)", /at most 64 MiB per call/);
  rejects('{"op":"new","elem":"int"}', /unknown field "elem" for op new/);
  rejects('{"op":"neww","type":"int"}', /unknown op "neww": use .*new/);
});

test("every case of the objects matrix is canonical and reads back from its short form", () => {
  const m = objectsMatrix();
  assert.equal(new Set(m.map((c) => JSON.stringify(c))).size, m.length, "no case twice");
  for (const c of m) {
    assert.deepEqual(parseCase(JSON.stringify(c)), c);
    assert.deepEqual(parseCase(describeCase(c)), c, describeCase(c));
  }
});

test("make(chan T[, cap]): JSON and short forms", () => {
  parses("make(chan int)", { op: "makechan", elem: "int", escape: "heap" });
  parses("make(chan int, 0)", { op: "makechan", elem: "int", cap: 0, escape: "heap" });
  parses("make(chan *[2]int, 1_000) [stack]", { op: "makechan", elem: "*[2]int", cap: 1000, escape: "stack" });
  parses('{"op":"makechan","elem":"struct{a int}","cap":3,"escape":"discard"}', { op: "makechan", elem: "struct{a int}", cap: 3, escape: "discard" });
  assert.equal(describeCase(parseCase("_ = make(chan byte, 16)")), "_ = make(chan byte, 16)");
});

test("make(chan): bad input is one clear line", () => {
  rejects("make(chan [65536]byte)", /channel elements of 64 KiB or more/);
  rejects("make(chan int, -1)", /cap must be a whole number/);
  rejects("make(chan int, 1, 2)", /wrong number of arguments/);
  rejects("make(chan<- int)", /unexpected character "<"/);
  rejects("make(chan int, 200000000)", /buffers at most 1 GiB/);
  rejects("make(chan int) [3 times]", /applies only to new/);
});

test("any(x): JSON and short forms; the zero value is the same case as no value", () => {
  parses("any(int(300))", { op: "box", type: "int", value: 300, escape: "heap" });
  parses("any(int(0))", { op: "box", type: "int", escape: "heap" });
  parses('{"op":"box","type":"int","value":0}', { op: "box", type: "int", escape: "heap" });
  parses("any(int16(-1)) [stack]", { op: "box", type: "int16", value: -1, escape: "stack" });
  parses("any(float64(5e-324))", { op: "box", type: "float64", value: 5e-324, escape: "heap" });
  parses('any(string("a(b\\"c"))', { op: "box", type: "string", value: 'a(b"c', escape: "heap" });
  parses("any(bool(true))", { op: "box", type: "bool", value: true, escape: "heap" });
  parses("any([2]int{})", { op: "box", type: "[2]int", escape: "heap" });
  parses("any((*int)(nil))", { op: "box", type: "*int", escape: "heap" });
  parses("_ = any([]string(nil))", { op: "box", type: "[]string", escape: "discard" });
  parses("any(complex64(0))", { op: "box", type: "complex64", escape: "heap" });
  assert.equal(describeCase(parseCase('{"op":"box","type":"map[int]int"}')), "any((map[int]int)(nil))");
});

test("any(x): bad input is one clear line", () => {
  rejects("any(any(1))", /unknown type name|already an interface|cannot read/);
  rejects('{"op":"box","type":"any"}', /already an interface/);
  rejects("any(int8(128))", /out of range for int8 \(-128 to 127\)/);
  rejects("any(uint(-1))", /out of range for uint/);
  rejects("any(int(1.5))", /out of range|not a value/);
  rejects("any(float32(1e39))", /not a value of type "float32"/);
  rejects('{"op":"box","type":"[2]int","value":1}', /value can be given only for a basic type/);
  rejects('{"op":"box","type":"int","value":"1"}', /not a value of type "int"/);
  rejects("any(int(0x10))", /cannot read the value/);
  rejects("any(int(010))", /cannot read the value/);
  rejects("any(int(nil))", /any\(T\(value\)\)/);
  rejects("any([]int{})", /any\(T\(value\)\)/);
  rejects("any(int)", /any\(T\(value\)\)|cannot read/);
  rejects('{"op":"box","type":"string","value":"\\ud800"}', /not a value of type "string"/);
  rejects(JSON.stringify({ op: "box", type: "string", value: "x".repeat(1001) }), /at most 1000/);
});

test("closures: JSON and short forms", () => {
  parses("closure()", { op: "closure", captures: [], escape: "heap" });
  parses("closure(int, struct{a, b int})", { op: "closure", captures: ["int", "struct{a int; b int}"], escape: "heap" });
  parses("closure(int) [reassigned, stack]", { op: "closure", captures: ["int"], reassigned: true, escape: "stack" });
  parses('{"op":"closure","captures":["[17]int"],"reassigned":false,"escape":"discard"}', { op: "closure", captures: ["[17]int"], escape: "discard" });
});

test("closures: bad input is one clear line", () => {
  rejects('{"op":"closure","captures":"int"}', /must be a list of Go types/);
  rejects('{"op":"closure"}', /needs the field "captures"/);
  rejects("closure(int, chan int)", /unknown type name "chan"/);
  rejects("closure(int, int, int, int, int, int, int, int, int)", /at most 8 variables/);
  rejects("closure([65537]byte)", /at most 64 KiB/);
  rejects("new(int) [reassigned]", /\[reassigned\] applies only to closure/);
});
