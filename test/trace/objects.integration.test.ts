/**
 * The object operations under Delve: for every case of each installed version's recorded objects
 * dataset (new, channels, boxing, closures), trace (detail mode) runs the same probe, counts what
 * the recording counted (mallocs, bytes taken), and sees the allocations predict lists, size by
 * size, in order.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeCase } from "../../kernel-helpers/case";
import { datasetFileName, matrixNamed, measurementsDir, readDataset } from "../../kernel-helpers/record";
import { simulate } from "../../kernel-helpers/sim";
import { traceWith } from "../../kernel-helpers/trace";
import { installedToolchains } from "../helpers/go";

test("trace sees what the objects dataset recorded and what predict lists, per installed Go", { timeout: 900_000 }, async () => {
  let compared = 0;
  for (const { tc } of await installedToolchains()) {
    const file = path.join(measurementsDir(), datasetFileName(tc.version, false, matrixNamed("objects").suffix));
    if (!fs.existsSync(file)) {
      process.stdout.write(`# Go ${tc.version}: no recorded ${path.basename(file)}, skipped\n`);
      continue;
    }
    const recorded = readDataset(file).results;
    const traced = await traceWith(tc, recorded.map((r) => r.case), { mode: "detail", stack: 1, debug: false, timeoutMs: 600_000 });
    const wrong: string[] = [];
    recorded.forEach((r, i) => {
      const t = traced[i];
      const predicted = simulate(r.case, { go: tc.version }).allocations.filter((a) => a.size > 0).map((a) => a.size);
      const seen = (t.allocations ?? []).filter((a) => a.size > 0).map((a) => a.size);
      if (t.mallocs !== r.mallocs || t.allocatedBytes !== r.allocatedBytes) wrong.push(`${describeCase(r.case)}: recorded ${r.mallocs}/${r.allocatedBytes} B, traced ${t.mallocs}/${t.allocatedBytes} B`);
      if (seen.join(",") !== predicted.join(",")) wrong.push(`${describeCase(r.case)}: traced sizes ${seen.join(",")}, predicted ${predicted.join(",")}`);
    });
    assert.deepEqual(wrong, [], `Go ${tc.version}`);
    compared++;
    process.stdout.write(`# Go ${tc.version}: ${recorded.length} objects cases traced, ${traced.reduce((s, t) => s + t.mallocs, 0)} allocations, as recorded and as predicted\n`);
  }
  assert.ok(compared > 0, "no installed version has an objects dataset");
});
