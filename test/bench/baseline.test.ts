/** What `npm run bench -- --write` records: every new ratio, but the machine-sensitive ones never rise. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ratiosToRecord } from "../../bench/run";

const KEY = "simulate vs measure batch (make cases/s, Go 1.26)";

test("the simulate-vs-batch ratio keeps the lower of its recorded and new values; the others take the new", () => {
  assert.deepEqual(ratiosToRecord({ [KEY]: 4000, other: 3 }, { [KEY]: 1500, other: 9 }), { [KEY]: 1500, other: 3 });
  assert.deepEqual(ratiosToRecord({ [KEY]: 1000 }, { [KEY]: 1500 }), { [KEY]: 1000 });
  assert.deepEqual(ratiosToRecord({ [KEY]: 1000 }, undefined), { [KEY]: 1000 });
});
