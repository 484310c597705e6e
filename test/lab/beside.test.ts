import { test } from "node:test";
import assert from "node:assert/strict";
import { simulateBeside, VersionResults } from "../../kernel-helpers/lab";
import { parseCase } from "../../kernel-helpers/case";
import { MeasureResult } from "../../kernel-helpers/measure";

const c = parseCase("make([]byte, 33)");

// A made-up measurement: the numbers are chosen by the test to agree or not with the model.
function measured(mallocs: number, bytes: number, bucket: [number, number]): MeasureResult {
  return {
    go: "1.26.8", goarch: "amd64", backend: "measure", case: c, mallocs, allocatedBytes: bytes, runs: 1, deterministic: true,
    memstats: { mallocs, totalAlloc: bytes, heapObjects: mallocs }, metrics: { "/gc/heap/tiny/allocs:objects": 0 },
    bySize: [{ min: bucket[0], max: bucket[1], count: 1 }], escape: [], build: { gcflags: [], debug: false, goexperiment: "", goos: "linux", cached: false },
  };
}

const version = (results: MeasureResult[]): VersionResults => ({ spec: "1.26", go: "1.26.8", source: "synthetic", results, missing: [] });

test("a result the model predicts agrees; one it does not is flagged with the difference", () => {
  const [ok] = simulateBeside([version([measured(1, 48, [33, 48])])]);
  assert.equal(ok.agree, true);
  const [bad] = simulateBeside([version([measured(2, 96, [33, 48])])]);
  assert.equal(bad.agree, false);
  assert.match(bad.differences, /malloc/);
});

test("a version with no results gets the model alone, labelled", () => {
  const rows = simulateBeside([{ spec: "1.19", go: "1.19", source: "none", results: [], missing: [{ case: c, debug: false }] }]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].source, "simulated only");
  assert.equal(rows[0].measured, null);
  assert.equal(rows[0].agree, null);
});
