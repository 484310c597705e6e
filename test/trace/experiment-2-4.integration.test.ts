/**
 * Chapter 2.4: hit counts of sysAlloc, allocLarge and growWork (or what they are called), on each
 * installed Go, with the GC off. allocLarge is checked against the tracer's own classification
 * (one call per large allocation); growWork exists only in the classic map and fires during map
 * growth, with no GC running; Swiss maps grow without it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { experiment24With, traceWith } from "../../kernel-helpers/trace";
import { installedToolchains } from "../helpers/go";

const WORKLOAD = [
  '{"op":"mapinsert","key":"int","elem":"int","n":5000}',
  "make([]byte, 40000)",
  '{"op":"append","elem":"int","n":20000,"start":"nil"}',
].map((t) => parseCase(t));

test("chapter 2.4: sysAlloc, allocLarge and growWork counted on each installed Go", { timeout: 900_000 }, async () => {
  for (const { tc } of await installedToolchains()) {
    const label = `Go ${tc.version}`;
    const r = await experiment24With(tc, WORKLOAD, { debug: false, timeoutMs: 300_000 });
    const detail = await traceWith(tc, WORKLOAD, { mode: "detail", stack: 1, debug: false, timeoutMs: 300_000 });
    const fn = (name: string) => r.functions.find((f) => f.name === name)!;
    assert.equal(r.gcOff, true);
    // One allocLarge per large allocation, case by case.
    const allocLarge = fn("runtime.(*mcache).allocLarge");
    assert.equal(allocLarge.present, true, label);
    assert.deepEqual(allocLarge.perCase, detail.map((d) => d.allocations!.filter((a) => a.path === "large").length), `${label}: allocLarge against large allocations`);
    assert.ok(allocLarge.firstStack[0]?.startsWith("runtime.(*mcache).allocLarge"), label);
    // sysAlloc: runtime metadata from the OS, at start-up at least.
    assert.ok(fn("runtime.sysAlloc").present && fn("runtime.sysAlloc").wholeRun > 0, label);
    const growWork = r.functions.filter((f) => f.family === "growWork" && f.name.startsWith("runtime.growWork"));
    if (tc.version.startsWith("1.19")) {
      // The classic map: growWork_fast64 evacuates old buckets while map[int]int grows, GC off.
      const fired = growWork.filter((f) => f.present && f.perCase[0] > 0);
      assert.ok(fired.length > 0, `${label}: growWork fired in the map case`);
      assert.ok(fired.every((f) => f.perCase[1] === 0 && f.perCase[2] === 0), `${label}: and only there`);
      assert.ok(fired[0].firstStack.some((s) => /^runtime\.mapassign/.test(s)), `${label}: called by mapassign, not by the GC`);
    } else {
      assert.ok(growWork.every((f) => !f.present), `${label}: Swiss maps have no growWork`);
      const grew = r.functions.filter((f) => f.name.startsWith("internal/runtime/maps.") && f.present && f.perCase[0] > 0);
      assert.ok(grew.length > 0, `${label}: the Swiss map grew through ${r.functions.filter((f) => f.name.startsWith("internal/")).map((f) => f.name).join(", ")}`);
    }
    const present = r.functions.filter((f) => f.present);
    process.stdout.write(`# ${label}: ${present.map((f) => `${f.name} ${f.wholeRun} (cases ${f.perCase.join("/")})`).join("; ")}\n`);
  }
});
