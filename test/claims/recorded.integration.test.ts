/**
 * With no Go on PATH and `--recorded`, the built CLI judges the live-only claims (2.4a, 2.5a, 4.3,
 * 4.4) from the recordings in data/experiments, labelled "recorded <date>": none says "no evidence".
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const CLI = path.resolve(__dirname, "..", "..", "kernel-helpers", "cli", "main.js");
const LIVE_ONLY = ["2.4a", "2.5a", "4.3", "4.4"];

test("golab claims --recorded --json, no Go on PATH: the live-only claims are judged from recordings", () => {
  const out = execFileSync(process.execPath, [CLI, "claims", "--recorded", "--json", "--quiet"], { env: { ...process.env, PATH: "/nonexistent" }, encoding: "utf8", timeout: 120_000 });
  const verdicts = JSON.parse(out) as { id: string; byVersion: { go: string; source: string; verdict: string; reason: string }[] }[];
  for (const id of LIVE_ONLY) {
    const v = verdicts.find((x) => x.id === id);
    assert.ok(v, `claim ${id} is in the output`);
    assert.equal(v.byVersion.length, 3, `claim ${id}: three versions`);
    for (const b of v.byVersion) {
      assert.notEqual(b.verdict, "no evidence", `claim ${id} on Go ${b.go}: ${b.reason}`);
      assert.match(b.source, /recorded \d{4}-\d{2}-\d{2}/, `claim ${id} on Go ${b.go}`);
    }
  }
});
