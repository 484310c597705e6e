import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../../kernel-helpers/sim";
import { selfConsistent, sizes } from "./helpers";

test("NewMap: one table up to hint 896, then a directory of power-of-two tables", () => {
  const make = (hint: number) => sizes({ op: "makemap", key: "int", elem: "int", hint, escape: "heap" }, { go: "1.26" });
  assert.deepEqual(make(8), ["48→48"], "NewEmptyMap: no group yet");
  assert.deepEqual(make(9), ["48→48", "8→8", "32→32", "272→288"], "Map, directory, table, 2 groups");
  assert.deepEqual(make(896), ["48→48", "8→8", "32→32", "17408→18432"]);
  assert.deepEqual(make(897), ["48→48", "16→16", "32→32", "8704→9472", "32→32", "8704→9472"]);
  assert.equal(make(1793).length, 2 + 2 * 4);
});

test("inserts: small group, table of 16 at the 9th key, doubling at 7/8 load, split past 1024 slots", () => {
  const r = simulate({ op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" }, { go: "1.26" });
  selfConsistent(r);
  const groups = r.allocations.filter((a) => a.site === "internal/runtime/maps.newGroups").map((a) => a.size / 136);
  assert.deepEqual(groups, [2, 4, 8, 16, 32, 64, 128, 128, 128]);
  assert.equal(r.allocations.filter((a) => a.site === "internal/runtime/maps.(*Map).installTableSplit").length, 1);
  assert.ok(r.hashDependent, "after the split, which table a key lands in depends on its hash");
  assert.equal(r.distribution!.min, r.distribution!.max, "but 1000 keys never fill either half");
});

test("near a second split the count is random, and only allocations after the first split are marked", () => {
  const r = simulate({ op: "mapinsert", key: "int", elem: "int", n: 1780, escape: "heap" }, { go: "1.26", seeds: 400 });
  assert.ok(r.distribution!.min < r.distribution!.max);
  const firstRandom = r.allocations.findIndex((a) => a.random);
  const split = r.allocations.findIndex((a) => a.site === "internal/runtime/maps.(*Map).installTableSplit");
  assert.ok(firstRandom === -1 || firstRandom > split);
});

test("a stack map with hint ≤ 8 allocates nothing for 8 keys, and a Map header never", () => {
  assert.deepEqual(sizes({ op: "mapinsert", key: "int", elem: "int", n: 8, escape: "stack" }, { go: "1.26" }), []);
  assert.deepEqual(sizes({ op: "mapinsert", key: "int", elem: "int", n: 9, escape: "stack" }, { go: "1.26" }), ["32→32", "272→288", "8→8"]);
});

test("groups over 512 bytes with pointers carry a malloc header; large groups take whole pages", () => {
  assert.deepEqual(sizes({ op: "makemap", key: "string", elem: "int", hint: 14, escape: "heap" }, { go: "1.26" }).slice(3), ["400→416"]);
  assert.deepEqual(sizes({ op: "makemap", key: "string", elem: "int", hint: 15, escape: "heap" }, { go: "1.26" }).slice(3), ["800→896"]);
  assert.deepEqual(sizes({ op: "makemap", key: "struct{a int; b string}", elem: "[4]int", hint: 1000, escape: "heap" }, { go: "1.26" }).slice(3, 4), ["58368→65536"]);
});

test("a hint too large for maxAlloc gives an empty map, as NewMap does", () => {
  assert.deepEqual(sizes({ op: "makemap", key: "int", elem: "int", hint: 2 ** 48, escape: "heap" }, { go: "1.26" }), ["48→48"]);
  assert.throws(() => simulate({ op: "makemap", key: "int", elem: "int", hint: 2 ** 31, escape: "heap" }, { go: "1.26" }), /more than the simulator lists/);
});

test("NewMap's tables are alike: one table's two allocations, repeated per table", () => {
  const r = simulate("make(map[int]int, 100000)", { go: "1.26" });
  selfConsistent(r);
  assert.deepEqual(r.allocations.slice(0, 2).map((a) => a.size), [48, 1024], "Map, directory of 128");
  const tables = r.allocations.slice(2);
  assert.equal(tables.length, 2 * 128);
  assert.ok(tables.every((a, i) => a.size === (i % 2 === 0 ? 32 : 17408)), "table, groups, table, groups, ...");
  assert.equal(new Set(tables.map((a) => a.why)).size, 2, "each explained as one of 128 tables");
});
