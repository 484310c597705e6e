import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { simulate, versionModel } from "../../kernel-helpers/sim";
import { runSeed } from "../../kernel-helpers/sim/simulate";
import { selfConsistent, sizes } from "./helpers";

const go = "1.19";

test("makemap: B from the hint at 6.5 keys per bucket, spare overflow buckets from B = 4", () => {
  const bucketArray = (hint: number) => sizes({ op: "makemap", key: "int", elem: "int", hint, escape: "heap" }, { go });
  assert.deepEqual(bucketArray(8), ["48→48"], "makemap_small: no buckets");
  assert.deepEqual(bucketArray(9), ["48→48", "288→288"], "B = 1: 2 × 144 B");
  assert.deepEqual(bucketArray(13), ["48→48", "288→288"]);
  assert.deepEqual(bucketArray(14), ["48→48", "576→576"], "B = 2");
  assert.deepEqual(bucketArray(52), ["48→48", "1152→1152"], "B = 3");
  // B = 4: 16 + 1 buckets = 2448 B, rounded to the 2688 class, which holds 18: 2592 B, and mapextra.
  assert.deepEqual(bucketArray(53), ["48→48", "2592→2688", "24→24"]);
});

test("up to 8 keys nothing depends on the hash; from the 9th the result is a distribution", () => {
  const eight = simulate({ op: "mapinsert", key: "int", elem: "int", n: 8, escape: "heap" }, { go });
  assert.equal(eight.hashDependent, false);
  assert.equal(eight.distribution, undefined);
  const many = simulate({ op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" }, { go });
  selfConsistent(many);
  assert.equal(many.hashDependent, true);
  const d = many.distribution!;
  assert.equal(d.runs, 200);
  assert.ok(d.min < d.max, "overflow buckets vary with the seed");
  assert.equal(many.mallocs, d.median, "the representative run is a median run");
});

test("only overflow-related allocations are marked random", () => {
  const r = simulate({ op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" }, { go });
  const randomSites = new Set(r.allocations.filter((a) => a.random).map((a) => a.site));
  for (const s of randomSites) assert.match(s, /newoverflow|createOverflow/);
  const fixed = r.allocations.filter((a) => !a.random).map((a) => a.site);
  assert.deepEqual([...new Set(fixed)].sort(), ["runtime.hashGrow", "runtime.makeBucketArray", "runtime.makemap_small", "runtime.mapassign_fast64"].filter((s) => fixed.includes(s)));
  assert.equal(fixed.filter((s) => s === "runtime.makeBucketArray").length, 8, "B = 1 … 8 for 1000 keys (6.5 × 2^7 < 1000)");
});

test("buckets with pointers need no h.extra.overflow slice; pointer-free ones do", () => {
  const withPtr = simulate({ op: "mapinsert", key: "int", elem: "*int", n: 100, escape: "heap" }, { go, seeds: 50 });
  assert.ok(!withPtr.allocations.some((a) => a.site === "runtime.(*hmap).createOverflow"));
  const noPtr = simulate({ op: "mapinsert", key: "int", elem: "int", n: 100, escape: "heap" }, { go, seeds: 50 });
  assert.ok(noPtr.allocations.some((a) => a.site === "runtime.(*hmap).createOverflow"));
});

test("keys over 128 bytes are allocated one by one; repeated keys only update", () => {
  const r = simulate({ op: "mapinsert", key: "[17]int", elem: "int", n: 9, escape: "heap", }, { go, seeds: 1 });
  assert.equal(r.allocations.filter((a) => a.site === "runtime.mapassign" && a.size === 136).length, 9);
  const bools = simulate({ op: "mapinsert", key: "bool", elem: "int", n: 1000, escape: "heap" }, { go });
  assert.equal(bools.mallocs, 2, "hmap and one bucket: two distinct keys");
});

test("the same seed gives the same run: the model is repeatable", () => {
  const c = { op: "mapinsert", key: "string", elem: "int", n: 500, escape: "heap" } as const;
  assert.deepEqual(simulate(c, { go, seeds: 30 }), simulate(c, { go, seeds: 30 }));
});

test("a run that only counts (the other seeds) gives the totals of a run that lists every allocation", () => {
  const v = versionModel(go);
  const cases: { key: string; n: number; hint?: number; elem?: string }[] = [
    ...["int", "int8", "string", "[200]byte", "struct{}", "*int"].flatMap((key) => [9, 100, 1000, 3000].map((n) => ({ key, n }))),
    { key: "int", n: 1000, hint: 1_000_000 },
    { key: "int", n: 500, hint: 100 },
    { key: "[17]int", n: 2000, elem: "[200]byte" },
  ];
  for (const { key, n, hint, elem } of cases) {
    const c = parseCase({ op: "mapinsert", key, elem: elem ?? "int", n, hint });
    for (let seed = 0; seed < 12; seed++) {
      const listed = runSeed(v, c, seed, true);
      const counted = runSeed(v, c, seed, false);
      const totals = (h: typeof listed) => [h.mallocs, h.calls, h.bytes, h.allocated, h.tinyInBlock, h.hashDependent];
      assert.deepEqual(totals(counted), totals(listed), `${JSON.stringify(c)} seed ${seed}`);
    }
  }
});
