/**
 * Real Go runs, checked against counts derived from first principles (the runtime's size
 * classes, its 8 KiB pages, the compiler's 64 KiB limit for stack-allocated constant-size make),
 * on every Go version installed here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { measure, MeasureResult } from "../../kernel-helpers/measure";
import { runProcess } from "../../kernel-helpers/proc";
import { generateProbe } from "../../kernel-helpers/probe";
import { parseCase } from "../../kernel-helpers/case";
import { installedToolchains } from "../helpers/go";

interface Expectation {
  text: string;
  mallocs: number;
  allocatedBytes: number;
  why: string;
}

const EXPECTATIONS: Expectation[] = [
  // 33 bytes is over the 32-byte class, so it takes the next class: 48.
  { text: "make([]byte, 33)", mallocs: 1, allocatedBytes: 48, why: "size class 48" },
  // 1000 ints = 8000 bytes; the class above 8000 is 8192.
  { text: "make([]int, 1000)", mallocs: 1, allocatedBytes: 8192, why: "size class 8192" },
  // A zero-length slice points at runtime.zerobase: mallocgc returns before allocating.
  { text: "make([]int, 0)", mallocs: 0, allocatedBytes: 0, why: "zero-size allocation" },
  // 40000 bytes is over 32 KiB: a large object of ceil(40000/8192) = 5 pages.
  { text: "make([]byte, 40000)", mallocs: 1, allocatedBytes: 5 * 8192, why: "large object, 5 pages" },
  // 80 bytes, constant size, not escaping: on the stack.
  { text: '{"op":"makeslice","elem":"int","len":10,"escape":"stack"}', mallocs: 0, allocatedBytes: 0, why: "stack" },
  // 65537 bytes is over the 64 KiB limit for implicit stack variables: heap, 9 pages.
  { text: '{"op":"makeslice","elem":"byte","len":65537,"escape":"stack"}', mallocs: 1, allocatedBytes: 9 * 8192, why: "over 64 KiB" },
];

test("measured counts equal first-principles counts on every installed Go", async () => {
  const toolchains = await installedToolchains();
  assert.ok(toolchains.length > 0, "no Go installed at all");
  for (const { spec } of toolchains) {
    const results = await measure(EXPECTATIONS.map((e) => e.text), { go: spec, runs: 5 });
    results.forEach((r: MeasureResult, i) => {
      const e = EXPECTATIONS[i];
      const label = `Go ${r.go}: ${e.text} (${e.why})`;
      assert.equal(r.mallocs, e.mallocs, label);
      assert.equal(r.allocatedBytes, e.allocatedBytes, label);
      assert.equal(r.deterministic, true, label);
      assert.equal(r.runs, 5, label);
    });
    // The size histogram agrees: one allocation in the bucket that ends at class 48.
    assert.deepEqual(results[0].bySize, [{ min: 33, max: 48, count: 1 }], `Go ${results[0].go}`);
  }
});

test("the compiler's escape decision is reported beside the counts", async () => {
  const [heap, stack] = await measure(["make([]byte, 33)", '{"op":"makeslice","elem":"int","len":10,"escape":"stack"}'], { runs: 1 });
  assert.deepEqual(heap.escape.map((e) => e.decision), ["heap"]);
  assert.deepEqual(stack.escape.map((e) => e.decision), ["stack"]);
  assert.match(heap.escape[0].expr, /^make\(\[\]byte, 33\)$/);
});

test("the debug build is labelled and keeps what the optimizer would have put on the stack", async () => {
  const c = '{"op":"makeslice","elem":"int","len":10,"escape":"stack"}';
  const [optimized] = await measure([c], { runs: 1 });
  const [debug] = await measure([c], { runs: 1, debug: true });
  assert.equal(debug.build.debug, true);
  assert.ok(debug.build.gcflags.some((f) => f.includes("-N -l")));
  assert.equal(optimized.build.debug, false);
  // Both are real measurements; the debug build may only add allocations, never remove them.
  assert.ok(debug.mallocs >= optimized.mallocs);
});

test("a hash-dependent case on the classic map varies between runs and is reported as a distribution", async (t) => {
  const classic = (await installedToolchains()).find((x) => x.spec === "1.19");
  if (!classic) return t.skip("Go 1.19 not installed");
  // 100 string keys into a map without a hint: overflow buckets depend on the per-map hash seed.
  const [r] = await measure(['{"op":"mapinsert","key":"string","elem":"int","n":100}'], { go: "1.19", runs: 101 });
  assert.equal(r.deterministic, false);
  assert.ok(r.distribution, "a distribution is reported");
  assert.equal(r.distribution.runs, 101);
  assert.ok(r.distribution.min < r.distribution.max);
  assert.equal(r.mallocs, r.distribution.median);
});

test("go vet accepts the generated source", async () => {
  const cases = ["make(map[int]int, 9)", '{"op":"mapinsert","key":"struct{a [2]int; b string}","elem":"*int","n":3,"freshElem":true}'].map((t) => parseCase(t));
  const { withTempDir } = require("../../kernel-helpers/proc") as typeof import("../../kernel-helpers/proc");
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  await withTempDir("vet", async (dir) => {
    const p = generateProbe(cases, "1.26");
    fs.writeFileSync(path.join(dir, "main.go"), p.source);
    fs.writeFileSync(path.join(dir, "go.mod"), p.goMod);
    const env = { ...process.env, GOFLAGS: "-mod=mod", GOPROXY: "off", GOTOOLCHAIN: "local" };
    await runProcess("go", ["vet", "."], { cwd: dir, env });
  });
});
