/**
 * A few cases simulated beside the store's runs (made-up runs, clearly not Go's): the measured row
 * is the run, the simulated row simulate() on that version, the sentence is computed from the two
 * (what differs, or that they agree, and what no run answered), and a version the model does not
 * know says so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { casesBeside, simulatedBesideCounts, simulatedBesideSentence } from "../../kernel-helpers/display";
import { formatBytes } from "../../kernel-helpers/bytes";
import { simulate } from "../../kernel-helpers/sim";
import { simulatedObservation } from "../../kernel-helpers/store";
import { measured, storeOf, versionEntry } from "../store/helpers";

const key = parseCase("string(16-byte []byte)");
const joined = parseCase("concat(8, 8)");
const recorded = { kind: "recorded" as const, file: "x", at: "2030-01-02T00:00:00Z" };
/** A run that says exactly what the model of `go` says (the model's own numbers, relabelled as a run). */
const asModel = (c: typeof key, go: string) => ({ ...simulatedObservation({ case: c, debug: false }, go)!.result, backend: "measure" as const });
const text = (r: { mallocs: number; allocatedBytes?: number }) => `${r.mallocs} malloc${r.mallocs === 1 ? "" : "s"}, ${formatBytes(r.allocatedBytes ?? 0)}`;

test("counts: measured beside simulated per version; '—' where nothing ran, '(not modelled)' where the model does not know the version", () => {
  const store = storeOf(versionEntry("1.26", "1.26.8", [asModel(key, "1.26.8")], recorded, [joined]), versionEntry("7.3", "7.3", [], recorded, [key, joined]));
  const rows = simulatedBesideCounts(casesBeside(store, [key, joined])).objects() as Record<string, unknown>[];
  assert.deepEqual(rows.map((r) => [r.case, r.result, r["Go 1.26.8"], r["Go 7.3"]]), [
    ["string(16-byte []byte)", "measured", text(simulate(key, { go: "1.26.8" })), "—"],
    ["string(16-byte []byte)", "simulated", text(simulate(key, { go: "1.26.8" })), "— (not modelled)"],
    ["concat(8, 8)", "measured", "—", "—"],
    ["concat(8, 8)", "simulated", text(simulate(joined, { go: "1.26.8" })), "— (not modelled)"],
  ]);
});

test("sentence: agreement where every run matches the model, naming the cases and versions, and what no run answered", () => {
  const store = storeOf(
    versionEntry("1.19", "1.19.8", [asModel(key, "1.19.8"), asModel(joined, "1.19.8")], recorded),
    versionEntry("1.26", "1.26.8", [asModel(key, "1.26.8")], recorded, [joined]),
  );
  const s = simulatedBesideSentence(casesBeside(store, [key, joined]));
  assert.match(s, /^\*\*Simulated and measured agree\*\*/);
  assert.match(s, /`string\(16-byte \[\]byte\)` on Go 1\.19\.8 and 1\.26\.8; `concat\(8, 8\)` on Go 1\.19\.8\./);
  assert.match(s, /Not measured .*`concat\(8, 8\)` on Go 1\.26\.8\.$/);
});

test("sentence: a run that differs from the model is named with its differences; nothing measured says the model stands alone", () => {
  const model = simulate(key, { go: "1.26.8" });
  const off = measured(key, model.mallocs + 2, 4096, [4096, 4096]);
  const s = simulatedBesideSentence(casesBeside(storeOf(versionEntry("1.26", "1.26.8", [off], recorded)), [key]));
  assert.match(s, /^\*\*Simulated and measured differ:\*\* `string\(16-byte \[\]byte\)` on Go 1\.26\.8: mallocs: simulated \d+, measured \d+/);
  const none = simulatedBesideSentence(casesBeside(storeOf(versionEntry("1.26", "1.26.8", [], recorded, [key])), [key]));
  assert.match(none, /^\*\*Nothing measured these cases\*\*/);
});
