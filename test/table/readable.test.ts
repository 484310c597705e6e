/** Tables for reading: constant columns, headers, byte sizes, rounding, nulls. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { formatBytes, headerText, readableCell, readableTable, roundNumber } from "../../kernel-helpers/table";

test("headers are words, not camelCase", () => {
  assert.equal(headerText("unusedPerObjectByte"), "unused per object byte");
  assert.equal(headerText("mallocgc_calls"), "mallocgc calls");
  assert.equal(headerText("ns per malloc"), "ns per malloc");
});

test("byte counts read as B, KiB, MiB; the exact count stays beside", () => {
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(8192), "8 KiB");
  assert.equal(formatBytes(41968), "41 KiB");
  assert.equal(formatBytes(3 * 1024 * 1024 + 1), "3 MiB");
  assert.deepEqual(readableCell("allocated", 41968), { text: "41 KiB", exact: "41,968 bytes" });
  assert.deepEqual(readableCell("size", 48), { text: "48 B" });
  assert.deepEqual(readableCell("mallocs", 41968), { text: "41,968" });
});

test("numbers are rounded, nulls are a dash, booleans words", () => {
  assert.equal(roundNumber(12.4375), "12.4");
  assert.equal(roundNumber(0.123456), "0.123");
  assert.equal(roundNumber(1234.5), "1,235");
  assert.deepEqual(readableCell("x", null), { text: "—" });
  assert.deepEqual(readableCell("x", ""), { text: "—" });
  assert.deepEqual(readableCell("noscan", true), { text: "yes" });
  assert.deepEqual(readableCell("ns", 3.14159), { text: "3.14", exact: "3.14159" });
});

test("columns with one value are said once, not repeated in every row", () => {
  const t = readableTable(aq.from([
    { case: "a", op: "makemap", build: "optimized", mallocs: 1 },
    { case: "b", op: "makemap", build: "optimized", mallocs: 2 },
  ]));
  assert.deepEqual(t.headers, ["case", "mallocs"]);
  assert.deepEqual(t.constants, ["op: makemap", "build: optimized"]);
  assert.deepEqual(t.rows.map((r) => r.map((c) => c.text)), [["a", "1"], ["b", "2"]]);
});

test("a one-row table keeps its columns", () => {
  assert.deepEqual(readableTable(aq.from([{ a: 1, b: 2 }])).headers, ["a", "b"]);
});
