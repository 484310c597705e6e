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
    assert.equal(live.go, tc.version);
    const fresh = computeVerdicts(claims, [live]);
    const old = computeVerdicts(claims, [recorded]);
    fresh.forEach((v, i) => {
      // GC benchmarks run only live; nothing records them, so there is nothing to compare.
      if (old[i].byVersion[0].verdict === "no evidence") return;
      assert.equal(v.byVersion[0].verdict, old[i].byVersion[0].verdict, `claim ${v.claim.id} on Go ${tc.version}: ${v.byVersion[0].reason}`);
      for (const r of v.byVersion[0].evidence) assert.ok(v.byVersion[0].reason.includes(`${r.mallocs} malloc`), `claim ${v.claim.id}: reason quotes the count`);
    });
    process.stdout.write(`# Go ${tc.version}: ${claims.length} claims, live verdicts equal recorded ones\n`);
  }
});
