/** Utf8Pieces: the lines added come back as their UTF-8 bytes, whatever the pieces' bounds. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Utf8Pieces } from "../../kernel-helpers/cli/utf8-pieces";

test("lines of one-byte, multi-byte and four-byte characters, over many pieces, decode to what was added", () => {
  const p = new Utf8Pieces();
  const lines = Array.from({ length: 40_000 }, (_, i) => `${i % 3 === 0 ? "1024× ≤ 8" : "ascii only"} ${i} ${i % 7 === 0 ? "😀" : ""}\n`);
  lines.push(`${"long line ".repeat(100_000)}×\n`);
  for (const l of lines) p.add(l);
  const pieces = p.pieces();
  assert.ok(pieces.length > 2, "more than one piece");
  assert.ok(pieces.every((b) => b.byteOffset === 0 && b.length > 0), "each piece starts its own buffer, none empty");
  assert.equal(Buffer.concat(pieces).toString("utf8"), lines.join(""));
});

test("nothing added gives no piece", () => {
  assert.deepEqual(new Utf8Pieces().pieces(), []);
});
