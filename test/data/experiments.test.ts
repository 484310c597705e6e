/**
 * The committed recordings of the live-only experiments (data/experiments) load and validate, were
 * made by golab record, and hold every experiment the claims and chapters need with today's inputs: a catalog
 * change that is not re-recorded fails here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { claimLiveExperiments, loadClaims } from "../../kernel-helpers/claims";
import { courseExperiments } from "../../kernel-helpers/experiments";
import { findRecorded, recordedExperiments } from "../../kernel-helpers/record";

for (const version of ["1.19", "1.26", "1.27"]) {
  test(`Go ${version}: the recording validates and holds every live experiment with its current inputs`, () => {
    const recs = recordedExperiments(version);
    assert.equal(recs.length, 1, `one recording of Go ${version} in data/experiments`);
    const p = recs[0].provenance;
    assert.equal(p.recorder, "golab record");
    assert.ok(p.go.startsWith(`${version}.`), p.go);
    for (const x of [...claimLiveExperiments(loadClaims()), ...courseExperiments()]) {
      assert.ok(findRecorded(recs, x.name, x.inputs), `${x.name} with inputs ${JSON.stringify(x.inputs)} is recorded for Go ${version}: run golab record --experiments --go ${version}`);
    }
  });
}
