/** The maps matrix (kernel-helpers/record/map-matrix.ts): every map op, both sides of the rules, no maps.Clone before 1.21. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAP_OPS, parseCase } from "../../kernel-helpers/case";
import { datasetFileName, mapsMatrix, matrixNamed } from "../../kernel-helpers/record";

test("the maps matrix holds valid, distinct cases of every map op, and none of maps.Clone for 1.19", () => {
  const matrix = mapsMatrix("1.26.8");
  assert.ok(matrix.length >= 80, `${matrix.length} cases`);
  const texts = matrix.map((c) => JSON.stringify(parseCase(c)));
  assert.equal(new Set(texts).size, texts.length, "duplicates");
  for (const op of MAP_OPS) assert.ok(matrix.some((c) => c.op === op), op);
  const old = mapsMatrix("1.19.8");
  assert.ok(old.length >= 60 && old.every((c) => c.op !== "mapclone"), `${old.length} cases without maps.Clone`);
  // Both sides of the small map's 8 keys and of a 16-slot table's 14, for delete and clear.
  for (const op of ["mapdelete", "mapclear"]) for (const n of [8, 9, 14, 15]) assert.ok(matrix.some((c) => c.op === op && (c as { n: number }).n === n), `${op} n=${n}`);
  assert.equal(datasetFileName("1.19.8", false, matrixNamed("maps").suffix), "go1.19.8.maps.jsonl");
});
