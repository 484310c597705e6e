/**
 * With no Go at all, experiments come from the recorded datasets, labelled as recorded; what the
 * recordings lack is left to the simulator, labelled as simulated. Run in a child process whose
 * PATH has no go.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const LIB = path.resolve(__dirname, "..", "..", "kernel-helpers");

test("no Go installed: recorded results labelled with their date, the rest simulated", () => {
  const script = `
    const { observe, simulateBeside, describeSource } = require(${JSON.stringify(path.join(LIB, "store"))});
    const { parseCase } = require(${JSON.stringify(path.join(LIB, "case"))});
    const cases = [parseCase("make([]int, 1000)"), parseCase("make([]int, 1234567)")];
    observe(cases.map((c) => ({ case: c, debug: false })), { versions: ["1.26"] }).then((store) => {
      const rows = simulateBeside(store);
      const v = store.versions[0];
      process.stdout.write(JSON.stringify({ sources: store.select(cases).map((o) => describeSource(o.source)), observed: v.observed.size, missing: v.missing.length, rows: rows.map((r) => r.source) }));
    });`;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { env: { ...process.env, PATH: "/nonexistent" }, encoding: "utf8" }));
  assert.match(out.sources[0], /^recorded \d{4}-\d{2}-\d{2}$/);
  assert.match(out.sources[1], /^simulated \(model of Go 1\.26\.\d+\)$/);
  assert.equal(out.observed, 1, "make([]int, 1000) is in the recorded matrix");
  assert.equal(out.missing, 1, "make([]int, 1234567) is not");
  assert.deepEqual([...out.rows].sort(), [out.sources[0], "simulated only"].sort());
});
