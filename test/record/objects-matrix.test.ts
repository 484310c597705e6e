/** The objects matrix (kernel-helpers/record/objects-matrix.ts): every object op, every escape, both sides of the rules. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ESCAPES, OBJECT_OPS, parseCase } from "../../kernel-helpers/case";
import { objectsMatrix, matrixNamed, MATRICES } from "../../kernel-helpers/record";
import { datasetFileName } from "../../kernel-helpers/record";
import { InputError } from "../../kernel-helpers/errors";

const matrix = objectsMatrix();

test("the objects matrix holds at least 75 valid, distinct cases of every object op, in every escape", () => {
  assert.ok(matrix.length >= 75, `${matrix.length} cases`);
  const texts = matrix.map((c) => JSON.stringify(parseCase(c)));
  assert.equal(new Set(texts).size, texts.length, "duplicates");
  for (const op of OBJECT_OPS) assert.ok(matrix.some((c) => c.op === op), op);
  for (const e of ESCAPES) assert.ok(matrix.some((c) => c.op !== "code" && c.escape === e), e);
});

test("each matrix has its own name and file", () => {
  assert.equal(matrixNamed("objects").name, "objects-v1");
  assert.equal(matrixNamed("validation-v1").key, "validation");
  assert.equal(new Set(MATRICES.map((m) => m.suffix)).size, MATRICES.length);
  assert.equal(datasetFileName("1.26.8", false, matrixNamed("objects").suffix), "go1.26.8.objects.jsonl");
  assert.throws(() => matrixNamed("object"), (e: unknown) => e instanceof InputError && /unknown matrix "object": use validation, objects, strings or maps/.test(e.message));
});
