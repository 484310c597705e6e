/**
 * The recorded datasets in data/measurements: they load, say where they came from, cover the
 * current validation matrix, and still agree with a fresh run on every Go version installed here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { matrixNamed, measurementsDir, readDataset, Dataset } from "../../kernel-helpers/record";
import { measureWith } from "../../kernel-helpers/measure";
import { installedToolchains } from "../helpers/go";

function datasets(): Dataset[] {
  const dir = measurementsDir();
  return fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort().map((f) => readDataset(path.join(dir, f)));
}

test("every dataset names its Go version, flags, date and machine, and covers its matrix", () => {
  const all = datasets();
  assert.ok(all.length > 0, "no recorded dataset");
  for (const d of all) {
    const matrix = matrixNamed(d.provenance.matrix).cases(d.provenance.go).map((c) => JSON.stringify(c));
    const p = d.provenance;
    assert.match(p.go, /^1\.\d+\.\d+$/, d.file);
    assert.ok(!Number.isNaN(Date.parse(p.date)), `${d.file}: date`);
    assert.ok(p.gcflags.length > 0 && p.cpu.length > 0, d.file);
    assert.equal(p.recorder, "golab record");
    assert.ok(d.results.length >= 50, `${d.file}: ${d.results.length} results`);
    assert.deepEqual(d.results.map((r) => JSON.stringify(r.case)), matrix, `${d.file} was recorded from another matrix: run golab record again`);
  }
});

test("recorded datasets agree with a fresh run on every installed version", async () => {
  const optimized = datasets().filter((d) => !d.provenance.debug);
  let compared = 0;
  for (const { tc } of await installedToolchains()) {
    const mine = optimized.filter((d) => d.provenance.go === tc.version);
    if (mine.length === 0) {
      process.stdout.write(`# no dataset recorded for Go ${tc.version}\n`);
      continue;
    }
    for (const d of mine) {
      const fresh = await measureWith(tc, d.results.map((r) => r.case), { runs: 21, debug: false, timeoutMs: 600_000 });
      d.results.forEach((recorded, i) => {
        const now = fresh[i];
        const label = `Go ${tc.version} ${JSON.stringify(recorded.case)}`;
        if (recorded.deterministic && now.deterministic) {
          assert.equal(now.mallocs, recorded.mallocs, label);
          assert.equal(now.allocatedBytes, recorded.allocatedBytes, label);
        } else {
          const lo = recorded.distribution?.min ?? recorded.mallocs;
          const hi = recorded.distribution?.max ?? recorded.mallocs;
          assert.ok(now.mallocs >= lo && now.mallocs <= hi, `${label}: fresh median ${now.mallocs} outside recorded ${lo}..${hi}`);
        }
      });
      compared++;
      process.stdout.write(`# Go ${tc.version}: ${d.results.length} recorded cases of ${path.basename(d.file)} agree with a fresh run\n`);
    }
  }
  assert.ok(compared > 0, "no installed version has a dataset to compare with");
});
