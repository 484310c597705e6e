import { test } from "node:test";
import assert from "node:assert/strict";
import { withSimulated } from "../../kernel-helpers/lab";
import { parseCase } from "../../kernel-helpers/case";
import { simulate } from "../../kernel-helpers/sim";
import { sourceOf } from "../../kernel-helpers/table";

test("a missing experiment is answered by the simulator, labelled simulated, with the model's counts", () => {
  const c = parseCase("make([]byte, 33)");
  const [v] = withSimulated([{ spec: "1.26", go: "1.26.8", source: "recorded 2026-01-01", results: [], missing: [{ case: c, debug: false }] }]);
  assert.equal(v.simulated.length, 1);
  const s = v.simulated[0];
  const model = simulate(c, { go: "1.26" });
  assert.equal(s.backend, "simulate");
  assert.equal(sourceOf(s), "simulated");
  assert.equal(s.mallocs, model.mallocs);
  assert.equal(s.allocatedBytes, model.allocatedBytes);
  assert.equal(s.bySize.reduce((a, b) => a + b.count, 0), model.mallocs - model.tinyAllocs);
  assert.deepEqual(s.escape, [], "the simulator claims no compiler decisions");
});

test("a version the simulator does not model keeps its gap", () => {
  const [v] = withSimulated([{ spec: "1.20", go: "1.20", source: "none", results: [], missing: [{ case: parseCase("make([]int, 1)"), debug: false }] }]);
  assert.deepEqual(v.simulated, []);
});
