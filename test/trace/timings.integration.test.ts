/** A trace session says where its time went, and the parts fit inside the whole. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { findToolchain } from "../../kernel-helpers/go";
import { SessionTimings, traceWith } from "../../kernel-helpers/trace";

test("a trace session's timings: build, dlv start, calls to Delve by method, within the total", { timeout: 300_000 }, async () => {
  const tc = await findToolchain(undefined);
  const timings: SessionTimings[] = [];
  const [r] = await traceWith(tc, [parseCase("make([]int, 1000)")], { mode: "count", stack: 8, debug: false, timeoutMs: 120_000, onTimings: (t) => timings.push(t) });
  assert.equal(r.mallocs, 1);
  assert.equal(timings.length, 1, "told once");
  const t = timings[0];
  const command = t.rpc.get("Command");
  assert.ok(command && command.calls >= 2, "continue to the markers is timed");
  assert.ok(t.start > 0 && t.build >= 0);
  assert.equal(t.rpc.has("ProcessPid"), false, "calls made while starting count as the start");
  // Uprobe events are fetched while `continue` runs: those calls overlap it and are left out.
  const parts = t.build + t.start + [...t.rpc].filter(([method]) => method !== "GetBufferedTracepoints").reduce((sum, [, m]) => sum + m.ms, 0);
  assert.ok(parts <= t.total, `parts ${parts} ms within the total ${t.total} ms`);
});
