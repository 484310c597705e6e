/**
 * A trace session runs dlv and the program on one CPU (kernel-helpers/proc/cpu-pin.ts): both
 * processes' allowed CPUs, read while the session runs, are that one CPU; unpinned (pin: false),
 * they are left as the lab's own.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { findToolchain } from "../../kernel-helpers/go";
import { allowedCpus, canPin } from "../../kernel-helpers/proc";
import { runSession } from "../../kernel-helpers/trace/session";

const oneCase = [parseCase("make([]int, 1000)")];

test("a session pins dlv and the program to the CPU it names, and pin: false leaves them alone", { timeout: 300_000 }, async (t) => {
  if (!canPin()) return t.skip("one CPU, or no taskset: nothing is pinned here");
  const tc = await findToolchain(undefined);
  const progress: string[] = [];
  const seen = await runSession(tc, oneCase, { debug: false, timeoutMs: 120_000, onProgress: (m) => progress.push(m) }, async (s) => ({
    cpu: s.cpu,
    dlv: allowedCpus(s.server.dlvPid),
    program: allowedCpus(s.server.targetPid),
  }));
  assert.notEqual(seen.cpu, null);
  assert.deepEqual(seen.dlv, [seen.cpu]);
  assert.deepEqual(seen.program, [seen.cpu], "the program inherits dlv's CPU");
  assert.ok(progress.some((m) => m.endsWith(`both on CPU ${seen.cpu}`)), progress.join("\n"));

  const mine = allowedCpus();
  const unpinned = await runSession(tc, oneCase, { debug: false, timeoutMs: 120_000, pin: false }, async (s) => ({
    cpu: s.cpu,
    dlv: allowedCpus(s.server.dlvPid),
    program: allowedCpus(s.server.targetPid),
  }));
  assert.equal(unpinned.cpu, null);
  assert.deepEqual(unpinned.dlv, mine);
  assert.deepEqual(unpinned.program, mine);
});
