/**
 * `predict` against the recorded objects datasets (data/measurements/go<version>.objects.jsonl:
 * new, channels, boxing, closures): every recorded deterministic result must equal the prediction
 * (mallocs, bytes taken, tiny allocations in a block, allocations per size bucket) on Go 1.19,
 * 1.26 and 1.27. Prints the table: per case and version, measured and predicted mallocs / bytes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { caseKey, describeCase } from "../../kernel-helpers/case";
import { measurementsDir, readDataset } from "../../kernel-helpers/record";
import { agreement, MODELLED_VERSIONS, simulate } from "../../kernel-helpers/sim";

const dir = measurementsDir();
const datasets = fs.readdirSync(dir).filter((f) => /^go[0-9.]+\.objects\.jsonl$/.test(f)).sort().map((f) => readDataset(path.join(dir, f)));

test("predict equals every recorded result of the object operations on 1.19, 1.26 and 1.27", () => {
  assert.deepEqual(datasets.map((d) => d.provenance.go), [...MODELLED_VERSIONS], "one objects dataset per modelled version");
  const rows = new Map<string, { text: string; cells: Map<string, string> }>();
  const failures: string[] = [];
  for (const d of datasets) {
    const go = d.provenance.go;
    for (const m of d.results) {
      const sim = simulate(m.case, { go });
      const a = agreement(sim, m);
      assert.equal(a.kind, "deterministic", `${go} ${describeCase(m.case)}: the object operations never depend on a hash seed`);
      if (!a.agree) failures.push(`${go} ${describeCase(m.case)}: ${a.differences.join("; ")}`);
      const key = caseKey(m.case);
      if (!rows.has(key)) rows.set(key, { text: describeCase(m.case), cells: new Map() });
      const measured = `${m.mallocs}/${m.allocatedBytes}`;
      rows.get(key)!.cells.set(go, a.agree ? `${measured} =` : `${measured} ≠ ${sim.mallocs}/${sim.allocatedBytes}`);
    }
  }
  const versions = datasets.map((d) => d.provenance.go);
  const lines = [
    `| case | ${versions.map((v) => `Go ${v}`).join(" | ")} |`,
    `|---|${versions.map(() => "---").join("|")}|`,
    ...[...rows.values()].map((r) => `| \`${r.text}\` | ${versions.map((v) => r.cells.get(v) ?? "—").join(" | ")} |`),
  ];
  process.stdout.write(`\nmallocs/bytes taken measured (recorded), "=" when predict says the same:\n${lines.join("\n")}\n${rows.size} cases × ${versions.length} versions\n\n`);
  if (failures.length) process.stdout.write(`${failures.join("\n")}\n`);
  assert.deepEqual(failures, []);
});
