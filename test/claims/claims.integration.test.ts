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
    const [live] = await gatherEvidence(claims, { versions: [spec], runs: 21, cache: false });
    assert.ok(live.sources.every((s) => s.kind === "live"), "nothing cached when the cache is off");
    assert.equal(live.source, "measured now");
    assert.ok(live.gc && live.fragmentation && live.pprof, "the live-only experiments ran");
    assert.equal(live.go, tc.version);
    const fresh = computeVerdicts(claims, [live]);
    const old = computeVerdicts(claims, [recorded]);
    fresh.forEach((v, i) => {
      if (old[i].byVersion[0].verdict === "no evidence") return;
      // Timings and the churn series are samples of a noisy process: a fresh run and the recording
      // may differ (their checks say "inconclusive" when a run cannot decide); the counts of Delve
      // hits and the profile's frames are compared like the measured counts.
      if (v.claim.check.kind === "gcLatency" || v.claim.check.kind === "fragmentation") return;
      assert.equal(v.byVersion[0].verdict, old[i].byVersion[0].verdict, `claim ${v.claim.id} on Go ${tc.version}: ${v.byVersion[0].reason}`);
      for (const r of v.byVersion[0].evidence) assert.ok(v.byVersion[0].reason.includes(`${r.mallocs} malloc`), `claim ${v.claim.id}: reason quotes the count`);
    });
    process.stdout.write(`# Go ${tc.version}: ${claims.length} claims, live verdicts equal recorded ones\n`);
  }
});
