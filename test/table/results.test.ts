import { test } from "node:test";
import assert from "node:assert/strict";
import { resultsTable, allocationsTable, sourceOf } from "../../kernel-helpers/table";
import { AllocResult } from "../../kernel-helpers/result";
import { parseCase } from "../../kernel-helpers/case";

// Shapes only: these numbers are placeholders, not claims about Go.
const r: AllocResult = {
  go: "1.26.8", goarch: "amd64", backend: "simulate", case: parseCase("make([]int, 10)"), mallocs: 1, bytes: 80, allocatedBytes: 80,
  allocations: [{ size: 80, rounded: 80, sizeClass: 7, path: "small", noscan: true, site: "runtime.makeslice", why: "placeholder" }],
  distribution: { runs: 3, min: 1, median: 1, max: 2, values: [1, 1, 2] },
};

test("every row says where its numbers came from", () => {
  assert.equal(sourceOf(r), "simulated");
  assert.equal(sourceOf({ ...r, backend: "measure" }), "measured");
  assert.equal(sourceOf({ ...r, backend: "measure", recorded: "2026-11-24T08:09:00Z" }), "recorded 2026-11-24");
  const t = resultsTable([r]);
  // No build column: a simulated result has no build.
  assert.deepEqual(t.columnNames(), ["case", "op", "go", "source", "mallocs", "range", "allocated", "requested"]);
  assert.equal(t.get("range", 0), "1–2");
  assert.equal(t.get("case", 0), "make([]int, 10)");
});

test("allocations are listed one per row with their site and rule", () => {
  const t = allocationsTable(r);
  assert.equal(t.numRows(), 1);
  assert.equal(t.get("site", 0), "runtime.makeslice");
  assert.equal(t.get("why", 0), "placeholder");
});

test("columns that no result fills are left out", () => {
  const t = resultsTable([{ ...r, bytes: undefined, distribution: undefined }]);
  assert.deepEqual(t.columnNames(), ["case", "op", "go", "source", "mallocs", "allocated"]);
});
