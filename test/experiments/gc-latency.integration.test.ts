/**
 * Chapter 2's GC on/off runs on the Go on PATH: one build, every run a fresh process of the test
 * binary, the settings alternating, and the allocation counts the runtime's (a kept 64-byte slice
 * is one heap allocation per call; nothing else in the loop allocates).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { benchmark, gcLatency, measure } from "../../kernel-helpers";

test("gcLatency: each run gives every case under both settings, in alternating order", { timeout: 300_000 }, async () => {
  const rows = await gcLatency(["make([]byte, 64)", "make([]int, 0)"], { runs: 2, benchtime: "20ms" });
  assert.equal(rows.length, 2 * 2 * 2);
  assert.deepEqual(rows.map((r) => `${r.run} ${r.gc.split(" ")[0]}`), ["0 on", "0 on", "0 off", "0 off", "1 off", "1 off", "1 on", "1 on"]);
  const [measured] = await measure(["make([]byte, 64)"]);
  for (const r of rows.filter((x) => x.case.op === "makeslice" && "len" in x.case && x.case.len === 64)) {
    assert.equal(r.allocsPerOp, measured.mallocs, `${r.gc}, run ${r.run}`);
    assert.ok(r.nsPerOp > 0);
  }
});

test("benchmark refuses a bad benchtime or setting before building anything", async () => {
  await assert.rejects(benchmark(["make([]byte, 64)"], { benchtime: "5 minutes" }), /invalid benchtime/);
  await assert.rejects(benchmark(["make([]byte, 64)"], { runtime: { GOGC: "sometimes" } }), /invalid GOGC/);
});
