/**
 * The simulator against every recorded dataset (data/measurements): every deterministic case must
 * agree exactly (mallocs, bytes taken, tiny allocations, allocations per size bucket), and every
 * hash-dependent case's measured median must lie inside the simulated range. Prints the table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeCase } from "../../kernel-helpers/case";
import { measurementsDir, readDataset } from "../../kernel-helpers/record";
import { agreement, MODELLED_VERSIONS, simulate } from "../../kernel-helpers/sim";

const dir = measurementsDir();
const datasets = fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort().map((f) => readDataset(path.join(dir, f)));

test("the simulator agrees with every recorded measurement", () => {
  assert.ok(datasets.length > 0, "no recorded dataset");
  const rows: string[] = [];
  const failures: string[] = [];
  for (const d of datasets) {
    assert.ok(MODELLED_VERSIONS.includes(d.provenance.go), `dataset ${d.file} is for Go ${d.provenance.go}, which is not modelled`);
    let det = 0, detOk = 0, rnd = 0, rndOk = 0;
    for (const m of d.results) {
      const a = agreement(simulate(m.case, { go: d.provenance.go, debug: d.provenance.debug }), m);
      if (a.kind === "deterministic") { det++; if (a.agree) detOk++; } else { rnd++; if (a.agree) rndOk++; }
      if (!a.agree) failures.push(`${path.basename(d.file)} ${describeCase(m.case)}: ${a.differences.join("; ")}`);
    }
    rows.push(`| ${d.provenance.go} | ${d.provenance.debug ? "-N -l" : "optimized"} | ${d.provenance.matrix} | ${d.results.length} | ${detOk}/${det} | ${rndOk}/${rnd} |`);
  }
  process.stdout.write(`\n| Go | build | matrix | cases | deterministic agreed | random within range |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n\n`);
  if (failures.length) process.stdout.write(`${failures.join("\n")}\n`);
  assert.deepEqual(failures, []);
});
