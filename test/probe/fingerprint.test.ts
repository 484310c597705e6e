/**
 * The probe fingerprint in every result-cache key: it covers every operation (a new op without a
 * sample would let a changed probe serve stale results, as happened once), and it depends on the
 * language version where the generated program does.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { OPERATIONS } from "../../kernel-helpers/case";
import { FINGERPRINT_SAMPLES, generateProbe, probeFingerprint } from "../../kernel-helpers/probe";

test("every operation has a sample in the fingerprint", () => {
  const sampled = new Set(FINGERPRINT_SAMPLES.map((c) => c.op));
  assert.deepEqual(OPERATIONS.filter((op) => !sampled.has(op)), []);
});

test("the fingerprint follows the program each language version gets", () => {
  const clear = FINGERPRINT_SAMPLES.find((c) => c.op === "mapclear")!;
  const differs = generateProbe([clear], "1.19").source !== generateProbe([clear], "1.26").source;
  assert.ok(differs, "1.19 and 1.26 get different clear programs");
  assert.notEqual(probeFingerprint("1.19"), probeFingerprint("1.26"));
  assert.equal(probeFingerprint("1.26"), probeFingerprint("1.26"));
  assert.match(probeFingerprint("1.27"), /^[0-9a-f]{16}$/);
});
