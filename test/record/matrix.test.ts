import { test } from "node:test";
import assert from "node:assert/strict";
import { validationMatrix } from "../../kernel-helpers/record";
import { parseCase, ESCAPES, OperationCase as Case, isOperation } from "../../kernel-helpers/case";
import { layoutOf, parseGoType } from "../../kernel-helpers/types";

// The matrix holds operations only (a code case is the user's, never recorded here).
const matrix = validationMatrix().filter(isOperation);

test("the matrix has at least 150 valid, distinct cases over the article's four ops and every escape", () => {
  assert.equal(matrix.length, validationMatrix().length, "no code case in the matrix");
  assert.ok(matrix.length >= 150, `${matrix.length} cases`);
  const texts = matrix.map((c) => JSON.stringify(parseCase(c)));
  assert.equal(new Set(texts).size, texts.length, "duplicates");
  for (const op of ["makemap", "makeslice", "append", "mapinsert"]) assert.ok(matrix.some((c) => c.op === op), op);
  for (const e of ESCAPES) assert.ok(matrix.some((c) => c.escape === e), e);
});

const bytesOf = (c: Case): number[] =>
  c.op === "makeslice" ? [layoutOf(parseGoType(c.elem))!.size * Math.max(c.len, c.cap ?? 0)] : [];

test("slice sizes sit on both sides of the tiny, large-object and stack thresholds", () => {
  const sizes = matrix.flatMap(bytesOf);
  for (const [edge, name] of [[16, "tiny 16 B"], [32768, "32 KiB large-object limit"], [65536, "64 KiB stack limit"]] as const) {
    assert.ok(sizes.includes(edge), `${name}: exactly at`);
    assert.ok(sizes.some((s) => s > edge && s <= edge + 16), `${name}: just above`);
  }
});

test("map hints cross the classic map's bucket and load-factor edges and Swiss maps' table edge", () => {
  const hints = new Set(matrix.flatMap((c) => (c.op === "makemap" && c.hint !== undefined ? [c.hint] : [])));
  for (const h of [8, 9, 13, 14, 26, 27, 52, 53, 896, 897]) assert.ok(hints.has(h), `hint ${h}`);
});

test("types range from 1 to over 200 bytes, with and without pointers, and elements over 128 bytes", () => {
  const types = new Set(matrix.flatMap((c) => ("key" in c ? [c.key, c.elem] : "elem" in c ? [c.elem] : [])));
  const layouts = [...types].map((t) => layoutOf(parseGoType(t))!);
  assert.ok(layouts.some((l) => l.size === 1));
  assert.ok(layouts.some((l) => l.size >= 200));
  assert.ok(layouts.some((l) => l.size > 128 && l.size < 200));
  assert.ok(layouts.some((l) => l.ptrdata > 0) && layouts.some((l) => l.ptrdata === 0 && l.size > 0));
});
