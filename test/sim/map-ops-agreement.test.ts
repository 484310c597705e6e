/**
 * The simulator against the recorded maps matrix (data/measurements/go<version>.maps.jsonl,
 * `golab record --matrix maps`): delete then re-insert, clear then re-insert, maps.Clone. A result
 * the runtime gave every run must equal predict's (mallocs, bytes taken, tiny allocations,
 * allocations per size bucket); a hash-dependent one's recorded median mallocs must lie inside
 * predict's range over its seeds. Every recorded case is checked, on 1.19, 1.26 and 1.27,
 * optimized and -N -l (go<version>-N-l.maps.jsonl). Prints the table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeCase, isMapOp } from "../../kernel-helpers/case";
import { measurementsDir, readDataset } from "../../kernel-helpers/record";
import { agreement, MODELLED_VERSIONS, simulate } from "../../kernel-helpers/sim";

const dir = measurementsDir();
const datasets = fs.readdirSync(dir).filter((f) => /^go[\d.]+(-N-l)?\.maps\.jsonl$/.test(f)).sort().map((f) => readDataset(path.join(dir, f)));

/** A measured or simulated count: one number, or median (min–max) when it varied. */
const shown = (mallocs: number, d?: { min: number; median: number; max: number }) => (d ? `${d.median} (${d.min}–${d.max})` : `${mallocs}`);

test("predict agrees with every recorded result of delete, clear and maps.Clone", () => {
  for (const debug of [false, true]) {
    const recorded = datasets.filter((d) => d.provenance.debug === debug).map((d) => d.provenance.go);
    assert.deepEqual(recorded, [...MODELLED_VERSIONS], `one maps dataset per modelled version, ${debug ? "-N -l" : "optimized"}`);
  }
  const versions = datasets.map((d) => `${d.provenance.go}${d.provenance.debug ? " -N -l" : ""}`);
  const rows = new Map<string, string[]>();
  const failures: string[] = [];
  let hashDependent = 0;
  for (const [i, d] of datasets.entries()) {
    assert.equal(d.provenance.matrix, "maps-v1", `${d.file}: the maps matrix`);
    const recorded = d.results.filter((m) => isMapOp(m.case.op));
    assert.ok(recorded.length >= 60, `${path.basename(d.file)}: ${recorded.length} cases of the map operations`);
    for (const m of recorded) {
      const sim = simulate(m.case, { go: d.provenance.go, debug: d.provenance.debug });
      const a = agreement(sim, m);
      if (!m.deterministic) hashDependent++;
      const key = describeCase(m.case);
      if (!a.agree) failures.push(`Go ${versions[i]} ${key}: ${a.differences.join("; ")}`);
      const row = rows.get(key) ?? versions.map(() => "—");
      row[i] = `${shown(m.mallocs, m.deterministic ? undefined : m.distribution)} ${a.agree ? (m.deterministic ? "=" : "∈") : "≠"} ${shown(sim.mallocs, sim.distribution)}`;
      rows.set(key, row);
    }
  }
  const head = `| case | ${versions.map((v) => `Go ${v}: measured = / ∈ predicted (mallocs)`).join(" | ")} |`;
  const lines = [...rows].map(([k, r]) => `| \`${k}\` | ${r.join(" | ")} |`);
  process.stdout.write(`\n${head}\n|---|${versions.map(() => "---").join("|")}|\n${lines.join("\n")}\n\n${hashDependent} hash-dependent results checked by range\n`);
  if (failures.length) process.stdout.write(`${failures.join("\n")}\n`);
  assert.deepEqual(failures, []);
});
