/** The inlining profile: the compiler's -m report and pprof's trace are read, not assumed. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { profileInlining } from "../../kernel-helpers/experiments";
import { InputError } from "../../kernel-helpers/errors";

test("the profiled allocation's stack reaches the caller, and the helper's inlining is reported", async () => {
  const p = await profileInlining({ bytes: 4000 });
  assert.equal(typeof p.inlined, "boolean");
  assert.ok(p.frames.some((f) => f === "main.handle"), p.trace);
  assert.ok(p.frames.includes("main.main"), p.trace);
  assert.equal(p.helperNamed, p.frames.some((f) => f.startsWith("main.newBuffer")));
});

test("a bad size is refused before anything is built", async () => {
  await assert.rejects(profileInlining({ bytes: 0 }), InputError);
});
