/**
 * Count mode's two counters give the same counts: eBPF uprobes (the lab's patched dlv, mallocgc
 * the one entry) and Delve's breakpoints, on the same probe, optimised and -N -l. Asking for
 * uprobes where they cannot count is one clear error.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { describeDelve, selectDelve } from "../../kernel-helpers/dlv";
import { findToolchain } from "../../kernel-helpers/go";
import { traceWith } from "../../kernel-helpers/trace";

const CASES = [
  '{"op":"mapinsert","key":"int","elem":"*int","n":2000,"freshElem":true}',
  "make(map[int]int, 1000)",
  "make([]int, 0)",
  '{"op":"append","elem":"int","n":1000,"start":"nil"}',
].map((t) => parseCase(t));

const counts = (rs: { mallocs: number; mallocgcCalls: number; byEntry: Record<string, number> }[]) =>
  rs.map((r) => ({ mallocs: r.mallocs, calls: r.mallocgcCalls, byEntry: r.byEntry }));

test("uprobes and breakpoints count the same on Go 1.26, optimised and -N -l", { timeout: 600_000 }, async (t) => {
  const tc = await findToolchain("1.26");
  const delve = await describeDelve((await selectDelve(tc.version)).path);
  if (!delve?.patched) {
    t.skip(`dlv at ${delve?.path} is not the lab's patched build: bash scripts/setup.sh --steps dlv`);
    return;
  }
  for (const debug of [false, true]) {
    const options = { mode: "count" as const, stack: 0, debug, timeoutMs: 300_000 };
    const byUprobes = await traceWith(tc, CASES, { ...options, counter: "uprobes" });
    const byBreakpoints = await traceWith(tc, CASES, { ...options, counter: "breakpoints" });
    assert.deepEqual(byUprobes.map((r) => r.counter), CASES.map(() => "uprobes"));
    assert.deepEqual(byBreakpoints.map((r) => r.counter), CASES.map(() => "breakpoints"));
    assert.deepEqual(counts(byUprobes), counts(byBreakpoints), debug ? "-N -l" : "optimised");
    assert.ok(byUprobes[0].mallocs >= 2000, "the 2,000 fresh pointers are counted");
  }
});

test("uprobes asked for on Go 1.27 (size-specialised malloc, 15 entries) is refused with the reason", { timeout: 300_000 }, async (t) => {
  let tc;
  try {
    tc = await findToolchain("1.27");
  } catch (e) {
    t.skip(`Go 1.27 not installed: ${(e as Error).message}`);
    return;
  }
  await assert.rejects(traceWith(tc, CASES.slice(0, 1), { mode: "count", counter: "uprobes", stack: 0, debug: false, timeoutMs: 120_000 }),
    /allocation entries \(size-specialised malloc\), more than Delve's eBPF program can hold/);
});
