import { test } from "node:test";
import assert from "node:assert/strict";
import { versionModel } from "../../kernel-helpers/sim";
import { makeSlicePlacement } from "../../kernel-helpers/sim/stack";
import { sizes } from "./helpers";

const v119 = versionModel("1.19");
const v126 = versionModel("1.26");

test("constant-size make stays on the stack up to 64 KiB, counted in whole elements", () => {
  for (const v of [v119, v126]) {
    assert.equal(makeSlicePlacement(v, "stack", 200, 327, true).where, "stack");
    assert.equal(makeSlicePlacement(v, "stack", 200, 328, true).where, "heap");
    assert.equal(makeSlicePlacement(v, "discard", 1, 65536, true).where, "stack");
    assert.equal(makeSlicePlacement(v, "heap", 1, 1, true).where, "heap");
  }
});

test("variable-size make: heap in 1.19; a 32-byte stack buffer in 1.26, off in a -N build", () => {
  assert.equal(makeSlicePlacement(v119, "stack", 8, 1, false).where, "heap");
  assert.equal(makeSlicePlacement(v126, "stack", 8, 4, false).where, "stack");
  assert.equal(makeSlicePlacement(v126, "stack", 8, 5, false).where, "heap");
  assert.equal(makeSlicePlacement(v126, "stack", 33, 1, false).where, "heap");
  const c = { op: "makeslice", elem: "int", len: 2, constSize: false, escape: "stack" } as const;
  assert.deepEqual(sizes(c, { go: "1.26" }), []);
  assert.deepEqual(sizes(c, { go: "1.26", debug: true }), ["16→16"]);
});

test("1.26 sends make of a zero-sized element to the heap (still no memory)", () => {
  assert.equal(makeSlicePlacement(v126, "stack", 0, 10, true).where, "heap");
  assert.equal(makeSlicePlacement(v119, "stack", 0, 10, true).where, "stack");
});

test("a non-escaping map keeps its header, and for hint ≤ 8 its first bucket or group, in the frame", () => {
  for (const go of ["1.19", "1.26"]) {
    assert.deepEqual(sizes({ op: "makemap", key: "int", elem: "int", hint: 8, escape: "stack" }, { go }), []);
    assert.deepEqual(sizes({ op: "mapinsert", key: "int", elem: "int", n: 8, escape: "stack" }, { go }), []);
  }
  assert.deepEqual(sizes({ op: "makemap", key: "int", elem: "int", hint: 9, escape: "stack" }, { go: "1.19" }), ["288→288"]);
  assert.deepEqual(sizes({ op: "makemap", key: "int", elem: "int", hint: 9, escape: "stack" }, { go: "1.26" }), ["8→8", "32→32", "272→288"]);
});
