/**
 * `recordExperiments({only})` records the experiments named and keeps the file's others as they
 * were: a new experiment does not re-roll the timings the claims were judged on. The experiments
 * here are made up (their results are shapes, not measurements); only the Go on PATH is asked its
 * version.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LiveExperiment } from "../../kernel-helpers/experiments";
import { findToolchain } from "../../kernel-helpers/go";
import { readExperiments, recordExperiments } from "../../kernel-helpers/record";
import { InputError } from "../../kernel-helpers/errors";

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function fakes(go: string, nsPerOp: number): LiveExperiment[] {
  const timings: LiveExperiment<"map-or-slice-timings"> = {
    name: "map-or-slice-timings", inputs: { sizes: [8] }, flags: ["made up"],
    run: async () => [{ go, n: 8, run: 0, task: "look-up", structure: "map", nsPerOp }],
  };
  const costs: LiveExperiment<"map-or-slice-costs"> = { name: "map-or-slice-costs", inputs: { sizes: [8] }, flags: ["made up"], run: async () => [] };
  return [timings, costs];
}

test("--only runs the experiments named and keeps the others as recorded", { timeout: 60_000 }, async () => {
  const go = (await findToolchain(undefined)).version;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-record-"));
  dirs.push(outDir);
  const file = await recordExperiments({ experiments: fakes(go, 1), outDir });
  const first = readExperiments(file).experiments;
  assert.deepEqual(first.map((x) => x.name), ["map-or-slice-timings", "map-or-slice-costs"]);
  await recordExperiments({ experiments: fakes(go, 2), outDir, only: ["map-or-slice-costs"] });
  const second = readExperiments(file).experiments;
  assert.deepEqual(second.find((x) => x.name === "map-or-slice-timings"), first.find((x) => x.name === "map-or-slice-timings"), "kept, date and all");
  assert.notEqual(second.find((x) => x.name === "map-or-slice-costs")!.at, undefined);
  await recordExperiments({ experiments: fakes(go, 3), outDir, only: ["map-or-slice-timings"] });
  const third = readExperiments(file).experiments.find((x) => x.name === "map-or-slice-timings")!;
  assert.equal((third.result as { nsPerOp: number }[])[0].nsPerOp, 3, "run again");
  await assert.rejects(recordExperiments({ experiments: fakes(go, 4), outDir, only: ["map-or-slise"] }), (e: Error) => e instanceof InputError && /unknown experiment "map-or-slise"/.test(e.message));
});
