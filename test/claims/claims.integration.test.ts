/** Verdicts from a fresh run agree with verdicts from the recorded datasets, on every installed Go. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadClaims, computeVerdicts, gatherEvidence } from "../../kernel-helpers/claims";
import { recordedDatasets } from "../../kernel-helpers/record";
import { installedToolchains } from "../helpers/go";

test("live and recorded evidence give the same verdict for every claim, and reasons quote the run", async () => {
  const claims = loadClaims();
  for (const { spec, tc } of await installedToolchains()) {
    if (recordedDatasets(spec).length === 0) {
      process.stdout.write(`# Go ${spec}: no recorded dataset to compare with\n`);
      continue;
    }
    const [recorded] = await gatherEvidence(claims, { versions: [spec], live: false });
    assert.ok(recorded.sources.every((s) => s.kind === "recorded"));
    // The test run's own result cache (scripts/run-tests.js starts each run with an empty one):
    // what an earlier test of this run measured is reused, and the course test reuses these.
    const [live] = await gatherEvidence(claims, { versions: [spec], runs: 21 });
    assert.ok(live.sources.every((s) => s.kind === "live" || s.kind === "cached"), "measured in this test run, not recorded");
    assert.ok(live.gc && live.fragmentation && live.pprof, "the live-only experiments ran");
    assert.equal(live.go, tc.version);
    const fresh = computeVerdicts(claims, [live]);
    const old = computeVerdicts(claims, [recorded]);
    fresh.forEach((v, i) => {
      if (old[i].byVersion[0].verdict === "no evidence") return;
      // Timings and the churn series are samples of a noisy process: where either run could not
      // decide ("inconclusive"), there is nothing to compare; decided ones must agree.
      if (v.byVersion[0].verdict === "inconclusive" || old[i].byVersion[0].verdict === "inconclusive") return;
      assert.equal(v.byVersion[0].verdict, old[i].byVersion[0].verdict, `claim ${v.claim.id} on Go ${tc.version}: ${v.byVersion[0].reason}`);
      for (const r of v.byVersion[0].evidence) assert.ok(v.byVersion[0].reason.includes(`${r.mallocs} malloc`), `claim ${v.claim.id}: reason quotes the count`);
    });
    process.stdout.write(`# Go ${tc.version}: ${claims.length} claims, live verdicts equal recorded ones\n`);
  }
});
