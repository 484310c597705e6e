import { test } from "node:test";
import assert from "node:assert/strict";
import { resultsTable, allocationsTable } from "../../kernel-helpers/table";
import { parseCase } from "../../kernel-helpers/case";
import { Observation, SimulatedAsMeasured } from "../../kernel-helpers/store";

// Shapes only: these numbers are placeholders, not claims about Go.
const c = parseCase("make([]int, 10)");
const r: SimulatedAsMeasured = {
  go: "1.26.8", goarch: "amd64", backend: "simulate", case: c, mallocs: 1, bytes: 80, allocatedBytes: 80,
  allocations: [{ size: 80, rounded: 80, sizeClass: 7, path: "small", noscan: true, site: "runtime.makeslice", why: "placeholder" }],
  distribution: { runs: 3, min: 1, median: 1, max: 2, values: [1, 1, 2] },
  runs: 3, deterministic: false, memstats: { mallocs: 1, totalAlloc: 80, heapObjects: 1 }, metrics: {}, bySize: [], escape: [],
  build: { gcflags: [], debug: false, goexperiment: "", goos: "linux", cached: false },
};
const o: Observation = { experiment: { case: c, debug: false }, toolchain: { go: "1.26.8", goarch: "amd64", goexperiment: "" }, source: { kind: "simulated", model: "placeholder" }, result: r };

test("every row says where its numbers came from", () => {
  const t = resultsTable([o, { ...o, source: { kind: "recorded", file: "f", at: "2026-11-24T08:09:00Z" } }]);
  assert.deepEqual(t.columnNames(), ["case", "op", "build", "go", "source", "mallocs", "range", "allocated", "requested"]);
  assert.deepEqual(t.array("source"), ["simulated (placeholder)", "recorded 2026-11-24"]);
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
  const t = resultsTable([{ ...o, result: { ...r, bytes: undefined, distribution: undefined } }]);
  assert.deepEqual(t.columnNames(), ["case", "op", "build", "go", "source", "mallocs", "allocated"]);
});
