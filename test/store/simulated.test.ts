import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { simulate } from "../../kernel-helpers/sim";
import { describeSource, Measured } from "../../kernel-helpers/store";
import { storeOf, versionEntry } from "./helpers";

test("a missing experiment is answered by the simulator, labelled simulated, with the model's counts", () => {
  const c = parseCase("make([]byte, 33)");
  const store = storeOf(versionEntry("1.26", "1.26.8", [], { kind: "recorded", file: "x.jsonl", at: "2026-01-01" }, [c]));
  const [o] = store.select([c]);
  const s = o.result as Measured;
  const model = simulate(c, { go: "1.26" });
  assert.equal(s.backend, "simulate");
  assert.equal(describeSource(o.source), "simulated (model of Go 1.26.8)");
  assert.equal(s.mallocs, model.mallocs);
  assert.equal(s.allocatedBytes, model.allocatedBytes);
  assert.equal(s.bySize.reduce((a, b) => a + b.count, 0), model.mallocs - model.tinyAllocs);
  assert.deepEqual(s.escape, [], "the simulator claims no compiler decisions");
  assert.equal(store.select([c], { simulated: false }).length, 0, "asked for runs only, nothing comes back");
});

test("a version the simulator does not model keeps its gap", () => {
  const c = parseCase("make([]int, 1)");
  assert.deepEqual(storeOf(versionEntry("1.20", "1.20", [], { kind: "live" }, [c])).select([c]), []);
});
