import { test } from "node:test";
import assert from "node:assert/strict";
import { Case, parseCase } from "../../kernel-helpers/case";
import { describeSource, summarizeSources } from "../../kernel-helpers/store";
import { measured, storeOf, versionEntry } from "./helpers";

const c = parseCase("make([]byte, 33)");
const recorded = { kind: "recorded", file: "data/measurements/go1.26.8.jsonl", at: "2026-11-24T08:09:00Z" } as const;

test("a case is found whatever order its fields were written in", () => {
  const store = storeOf(versionEntry("1.26", "1.26.8", [measured(c, 1, 48, [33, 48])], recorded));
  const reordered = { escape: "heap", len: 33, elem: "byte", op: "makeslice" } as unknown as Case;
  assert.equal(store.get(reordered, "1.26")?.result.mallocs, 1);
  assert.equal(store.get(reordered, "1.26.8")?.result.mallocs, 1);
  assert.equal(store.get(c, "1.26", true), undefined, "the -N -l build is another experiment");
});

test("select answers in version order, then in the order asked, and fills gaps with the simulator", () => {
  const d = parseCase("make([]byte, 8)");
  const store = storeOf(
    versionEntry("1.26", "1.26.8", [measured(c, 1, 48, [33, 48])], recorded, [d]),
    versionEntry("1.19", "1.19.8", [measured(c, 1, 48, [33, 48], "1.19.8"), measured(d, 1, 16, [1, 16], "1.19.8")], { kind: "live" }),
  );
  const rows = store.select([d, c]);
  assert.deepEqual(rows.map((o) => [o.result.go, (o.experiment.case as { len: number }).len, o.source.kind]), [
    ["1.26.8", 8, "simulated"], ["1.26.8", 33, "recorded"], ["1.19.8", 8, "live"], ["1.19.8", 33, "live"],
  ]);
  assert.deepEqual(store.select([c], { versions: ["1.19"] }).map((o) => o.result.go), ["1.19.8"]);
});

test("the caption says, per version, where the numbers came from", () => {
  const d = parseCase("make([]byte, 8)");
  const store = storeOf(
    versionEntry("1.26", "1.26.8", [measured(c, 1, 48, [33, 48])], recorded, [d]),
    versionEntry("1.27", "1.27", [], { kind: "live" }, [c]),
  );
  assert.equal(store.caption(), "Go 1.26.8: 1 recorded 2026-11-24, 1 simulated (model of Go 1.26.8); Go 1.27: simulated (model of Go 1.27)");
  assert.equal(store.caption(store.select([c]).slice(0, 1)), "Go 1.26.8: recorded 2026-11-24; Go 1.27: neither installed nor recorded");
});

test("sources are described from their type, dated where they have a date", () => {
  assert.equal(describeSource({ kind: "live" }), "measured now");
  assert.equal(describeSource({ kind: "live" }, "traced"), "traced now");
  assert.equal(describeSource({ kind: "cached", at: "2026-12-01T23:40:00Z" }), "cached, measured 2026-12-01");
  assert.equal(describeSource(recorded), "recorded 2026-11-24");
  assert.equal(summarizeSources([{ kind: "live" }, { kind: "live" }]), "measured now");
  assert.equal(summarizeSources([{ kind: "live" }, { kind: "cached", at: "2026-12-01" }, { kind: "cached", at: "2026-12-01" }]), "1 measured now, 2 cached, measured 2026-12-01");
});
