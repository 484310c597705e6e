import { test } from "node:test";
import assert from "node:assert/strict";
import { simulateBeside } from "../../kernel-helpers/store";
import { parseCase } from "../../kernel-helpers/case";
import { measured, storeOf, versionEntry } from "./helpers";

const c = parseCase("make([]byte, 33)");
const cached = { kind: "cached", at: "2026-12-01T10:00:00Z" } as const;

test("a result the model predicts agrees; one it does not is flagged with the difference", () => {
  const [ok] = simulateBeside(storeOf(versionEntry("1.26", "1.26.8", [measured(c, 1, 48, [33, 48])], cached)));
  assert.equal(ok.agree, true);
  assert.equal(ok.source, "cached, measured 2026-12-01");
  const [bad] = simulateBeside(storeOf(versionEntry("1.26", "1.26.8", [measured(c, 2, 96, [33, 48])], cached)));
  assert.equal(bad.agree, false);
  assert.match(bad.differences, /malloc/);
});

test("a version with no results gets the model alone, labelled", () => {
  const rows = simulateBeside(storeOf(versionEntry("1.19", "1.19", [], { kind: "live" }, [c])));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].source, "simulated only");
  assert.equal(rows[0].measured, null);
  assert.equal(rows[0].agree, null);
});
