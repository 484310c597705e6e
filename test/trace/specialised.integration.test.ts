/**
 * Size-specialised malloc (Go 1.27 by default, Go 1.26 with GOEXPERIMENT=sizespecializedmalloc):
 * compiled `new(T)` calls the per-size-class functions directly and never enters runtime.mallocgc.
 * The tracer breaks on every entry point, and its count equals MemStats.Mallocs; a debugger that
 * breaks on runtime.mallocgc alone (the article's method) misses the direct calls.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { findToolchain, Toolchain } from "../../kernel-helpers/go";
import { measureWith } from "../../kernel-helpers/measure";
import { traceWith } from "../../kernel-helpers/trace";

const CASES = [
  // new(int): 8 bytes, no pointers: the tiny specialised function.
  '{"op":"mapinsert","key":"int","elem":"*int","n":100,"freshElem":true}',
  // new(*int): 8 bytes with a pointer: a scan specialised function.
  '{"op":"mapinsert","key":"int","elem":"**int","n":50,"freshElem":true}',
  // new([4]int): 32 bytes, no pointers.
  '{"op":"mapinsert","key":"int","elem":"*[4]int","n":50,"freshElem":true}',
  // new([40]int): 320 bytes: specialised in 1.26 (up to 512 B), through mallocgc in 1.27 (up to 80 B).
  '{"op":"mapinsert","key":"int","elem":"*[40]int","n":20,"freshElem":true}',
  "make(map[int]int, 1000)",
  "make([]int, 1000)",
  '{"op":"append","elem":"int","n":1000,"start":"nil"}',
].map((t) => parseCase(t));

/** True when the allocation went through runtime.mallocgc (alone, or handed over to a specialised function). */
function enteredMallocgc(a: { entry: string }): boolean {
  return a.entry === "runtime.mallocgc" || a.entry.startsWith("runtime.mallocgc → ");
}

async function toolchain(spec: string, goexperiment?: string): Promise<Toolchain | null> {
  try {
    return await findToolchain(spec, goexperiment ? { goexperiment } : {});
  } catch (e) {
    process.stdout.write(`# Go ${spec} not installed here, skipped: ${(e as Error).message}\n`);
    return null;
  }
}

async function proveOn(tc: Toolchain): Promise<void> {
  const label = `Go ${tc.version}${tc.goexperiment ? ` GOEXPERIMENT=${tc.goexperiment}` : ""}`;
  const options = { stack: 4, debug: false, timeoutMs: 300_000 };
  const measured = await measureWith(tc, CASES, { runs: 3, debug: false, timeoutMs: 300_000 });
  const counted = await traceWith(tc, CASES, { ...options, mode: "count" });
  const detailed = await traceWith(tc, CASES, { ...options, mode: "detail" });
  assert.equal(counted[0].entries.specialised, true, `${label}: size-specialised functions found`);
  assert.ok(counted[0].entries.functions > 1, label);
  let bypassed = 0;
  CASES.forEach((c, i) => {
    const what = `${label}: ${describeCase(c)}`;
    assert.equal(measured[i].deterministic, true, what);
    assert.equal(counted[i].mallocs, measured[i].mallocs, `${what}: count mode`);
    assert.equal(detailed[i].mallocs, measured[i].mallocs, `${what}: detail mode`);
    assert.equal(detailed[i].allocatedBytes, measured[i].allocatedBytes, `${what}: bytes taken`);
    // What `break runtime.mallocgc` alone would have counted: the allocations that entered it.
    const viaMallocgc = detailed[i].allocations!.filter((a) => a.size > 0 && enteredMallocgc(a)).length;
    const direct = detailed[i].allocations!.filter((a) => !enteredMallocgc(a));
    for (const a of direct) {
      assert.match(a.entry, /^runtime\.mallocgc(TinySize|TinySC|SmallNoScanSC|SmallScanNoHeaderSC)\d+$/, what);
      assert.match(a.caller, /^main\.probe\d+$/, `${what}: a direct call comes from compiled code`);
      assert.equal(a.site, a.caller, what);
    }
    assert.equal(viaMallocgc + direct.length, measured[i].mallocs, what);
    bypassed += direct.length;
  });
  // The first case's 100 new(int) calls never enter mallocgc.
  const firstDirect = detailed[0].allocations!.filter((a) => !enteredMallocgc(a)).length;
  assert.ok(firstDirect >= 100, `${label}: ${firstDirect} direct calls in ${describeCase(CASES[0])}`);
  process.stdout.write(`# ${label}: ${CASES.length} cases, trace = measure; ${bypassed} allocations bypassed runtime.mallocgc\n`);
}

test("Go 1.27: size-specialised malloc bypasses mallocgc, and trace still equals measure", { timeout: 600_000 }, async (t) => {
  const tc = await toolchain("1.27");
  if (!tc) return t.skip("Go 1.27 not installed");
  await proveOn(tc);
});

test("Go 1.26 with GOEXPERIMENT=sizespecializedmalloc: the same", { timeout: 600_000 }, async (t) => {
  const tc = await toolchain("1.26", "sizespecializedmalloc");
  if (!tc) return t.skip("Go 1.26 not installed");
  await proveOn(tc);
});

test("Go 1.26 by default and Go 1.19: every allocation enters runtime.mallocgc", { timeout: 600_000 }, async () => {
  for (const spec of ["1.26", "1.19"]) {
    const tc = await toolchain(spec);
    if (!tc) continue;
    const detailed = await traceWith(tc, CASES.slice(0, 2), { mode: "detail", stack: 2, debug: false, timeoutMs: 300_000 });
    for (const r of detailed) {
      assert.equal(r.entries.specialised, false, `Go ${tc.version}`);
      assert.ok(r.allocations!.every((a) => a.entry === "runtime.mallocgc"), `Go ${tc.version}: ${describeCase(r.case)}`);
    }
  }
});
