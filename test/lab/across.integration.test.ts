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
    const { measureAcross, simulateBeside } = require(${JSON.stringify(path.join(LIB, "lab"))});
    const { parseCase } = require(${JSON.stringify(path.join(LIB, "case"))});
    const experiments = [{ case: parseCase("make([]int, 1000)"), debug: false }, { case: parseCase("make([]int, 1234567)"), debug: false }];
    measureAcross(experiments, { versions: ["1.26"] }).then((across) => {
      const rows = simulateBeside(across);
      process.stdout.write(JSON.stringify({ source: across[0].source, results: across[0].results.length, missing: across[0].missing.length, rows: rows.map((r) => [r.source, r.agree]) }));
    });`;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { env: { ...process.env, PATH: "/nonexistent" }, encoding: "utf8" }));
  assert.match(out.source, /^recorded \d{4}-\d{2}-\d{2}/);
  assert.equal(out.results, 1, "make([]int, 1000) is in the recorded matrix");
  assert.equal(out.missing, 1, "make([]int, 1234567) is not");
  assert.deepEqual(out.rows.map((r: [string, boolean | null]) => r[0]).sort(), ["recorded " + out.source.slice(9), "simulated only"].sort());
});
