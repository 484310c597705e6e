/**
 * any(x) in the simulator (kernel-helpers/sim/box.ts), read as a specification of walk/convert.go
 * dataWord and runtime/iface.go convT*: which values allocate nothing, and what the others take.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate, versionModel } from "../../kernel-helpers/sim";
import { isDirectIface } from "../../kernel-helpers/sim/box";
import { parseGoType } from "../../kernel-helpers/types";
import { sizes } from "./helpers";

const ALL = ["1.19", "1.26", "1.27"];
const none = (c: string, go = "1.26") => assert.deepEqual(sizes(c, { go }), [], c);

test("small integers come from staticuint64s: below 256 nothing, from 256 a tiny allocation", () => {
  for (const go of ALL) {
    none("any(int(255))", go);
    assert.deepEqual(sizes("any(int(256))", { go }), ["8→16"]);
    assert.deepEqual(sizes("any(int(-1))", { go }), ["8→16"], "-1 is 2^64-1 to convT64");
    assert.deepEqual(sizes("any(int16(256))", { go }), ["2→16"]);
    none("any(int16(255))", go);
    none("any(uint8(255))", go);
    none("any(int8(-1))", go);
    none("any(bool(true))", go);
  }
});

test("floats go through convT32/convT64 by their bits: 0 and the smallest denormal allocate nothing, 0.5 does", () => {
  none("any(float64(0))");
  none("any(float64(5e-324))");
  assert.deepEqual(sizes("any(float64(0.5))", { go: "1.26" }), ["8→16"]);
  assert.equal(simulate("any(float32(1))", { go: "1.26" }).allocations[0].site, "runtime.convT32");
});

test("zero strings and nil slices share zeroVal; a non-empty string boxes its 16-byte header, scanned", () => {
  none('any(string(""))');
  none("any([]int(nil))");
  const r = simulate('any(string("hello"))', { go: "1.26" });
  assert.deepEqual(r.allocations.map((a) => [a.size, a.noscan, a.site]), [[16, false, "runtime.convTstring"]]);
});

test("pointer shapes and zero sizes allocate nothing; other values are copied by convT or convTnoptr", () => {
  for (const c of ["any((*int)(nil))", "any((map[int]int)(nil))", "any([1]*int{})", "any(struct{a *int}{})", "any(struct{}{})"]) none(c);
  assert.deepEqual(sizes("any([2]byte{})", { go: "1.26" }), ["2→16"], "size 2 but align 1: convTnoptr, not convT16");
  none("any([1]int16{})");
  assert.deepEqual(simulate("any(struct{a int; b string}{})", { go: "1.26" }).allocations.map((a) => [a.size, a.rounded, a.site]), [[24, 24, "runtime.convT"]]);
  assert.deepEqual(sizes("any([65]*int{})", { go: "1.26" }), ["520→576"]);
});

test("an interface that does not escape boxes into a stack temporary up to 1024 bytes", () => {
  for (const go of ALL) {
    none("any(int(300)) [stack]", go);
    none("any([1024]byte{}) [stack]", go);
    assert.deepEqual(sizes("any([1025]byte{}) [stack]", { go }), ["1025→1152"]);
    assert.deepEqual(sizes("_ = any([1025]byte{})", { go }), ["1025→1152"]);
  }
});

test("IsDirectIface: the 1.19 rule by kinds and the 1.26 rule by layout agree on the lab's types", () => {
  for (const t of ["*int", "map[int]int", "[1]*int", "struct{a *int}", "struct{a [1]*int}", "[2]*int", "string", "struct{a *int; b int}", "[]int"]) {
    assert.equal(isDirectIface(versionModel("1.19"), parseGoType(t)), isDirectIface(versionModel("1.26"), parseGoType(t)), t);
  }
});
