/**
 * The simulator against the recorded strings matrix (data/measurements/go<version>.strings.jsonl,
 * `golab record --matrix strings`): for every recorded deterministic result of the string and
 * growth operations, predict's mallocs, bytes taken, tiny allocations and allocations per size
 * bucket must equal the measured ones, on every recorded Go version, optimized and -N -l
 * (go<version>-N-l.strings.jsonl). Prints the table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeCase, isStringOp } from "../../kernel-helpers/case";
import { measurementsDir, readDataset } from "../../kernel-helpers/record";
import { agreement, MODELLED_VERSIONS, simulate } from "../../kernel-helpers/sim";

const dir = measurementsDir();
const datasets = fs.readdirSync(dir).filter((f) => /^go[\d.]+(-N-l)?\.strings\.jsonl$/.test(f)).sort().map((f) => readDataset(path.join(dir, f)));

test("predict equals every recorded result of the string and growth operations", () => {
  for (const debug of [false, true]) {
    const recorded = datasets.filter((d) => d.provenance.debug === debug).map((d) => d.provenance.go);
    assert.deepEqual(recorded, [...MODELLED_VERSIONS], `one strings dataset per modelled version, ${debug ? "-N -l" : "optimized"}`);
  }
  const versions = datasets.map((d) => `${d.provenance.go}${d.provenance.debug ? " -N -l" : ""}`);
  const rows = new Map<string, string[]>();
  const failures: string[] = [];
  for (const [i, d] of datasets.entries()) {
    assert.equal(d.provenance.matrix, "strings-v1", `${d.file}: the strings matrix`);
    const recorded = d.results.filter((m) => isStringOp(m.case.op));
    assert.ok(recorded.length >= 75, `${path.basename(d.file)}: ${recorded.length} cases of the new operations`);
    for (const m of recorded) {
      assert.ok(m.deterministic, `${describeCase(m.case)} on Go ${d.provenance.go} varied between runs`);
      const sim = simulate(m.case, { go: d.provenance.go, debug: d.provenance.debug });
      const a = agreement(sim, m);
      if (!a.agree) failures.push(`Go ${versions[i]} ${describeCase(m.case)}: ${a.differences.join("; ")}`);
      const key = describeCase(m.case);
      const row = rows.get(key) ?? versions.map(() => "—");
      row[i] = `${m.mallocs} / ${m.allocatedBytes} B ${a.agree ? "=" : "≠"} ${sim.mallocs} / ${sim.allocatedBytes} B`;
      rows.set(key, row);
    }
  }
  const head = `| case | ${versions.map((v) => `Go ${v}: measured = predicted (mallocs / bytes taken)`).join(" | ")} |`;
  const lines = [...rows].map(([k, r]) => `| \`${k}\` | ${r.join(" | ")} |`);
  process.stdout.write(`\n${head}\n|---|${versions.map(() => "---").join("|")}|\n${lines.join("\n")}\n\n`);
  if (failures.length) process.stdout.write(`${failures.join("\n")}\n`);
  assert.deepEqual(failures, []);
});
