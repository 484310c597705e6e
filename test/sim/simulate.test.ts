import { test } from "node:test";
import assert from "node:assert/strict";
import { validationMatrix } from "../../kernel-helpers/record";
import { MODELLED_VERSIONS, SimResult, simulate, simulateCounts, versionModel } from "../../kernel-helpers/sim";
import { parseCase } from "../../kernel-helpers/case";
import { selfConsistent } from "./helpers";

test("a version that is not modelled is refused, naming the modelled ones", () => {
  assert.throws(() => simulate("make([]int, 10)", { go: "1.21" }), (e: Error) => {
    assert.equal(e.name, "InputError");
    for (const v of MODELLED_VERSIONS) assert.ok(e.message.includes(v), `${e.message} names ${v}`);
    return true;
  });
  assert.throws(() => simulate("make([]int, 10)", { go: "1.26.5" }), /not modelled/);
});

test("a version may be given as 1.26, 1.26.8 or go1.26.8; the result names the full version", () => {
  for (const go of ["1.26", "1.26.8", "go1.26.8"]) assert.equal(simulate("make([]int, 10)", { go }).go, "1.26.8");
  assert.equal(versionModel("1.27").go, "1.27.3");
  assert.equal(simulate("make([]int, 10)").go, "1.26.8", "default: the machine's own Go");
});

test("bad input is an InputError: cases through parseCase, seeds checked", () => {
  assert.throws(() => simulate("make(map[int]chan int)"), { name: "InputError" });
  assert.throws(() => simulate("make([]int, 1)", { seeds: 0 }), /seeds must be/);
  assert.throws(() => simulate("make([]int, 1)", { seeds: 1.5 }), /seeds must be/);
});

test("every matrix case on every version gives a result that adds up, with backend simulate", () => {
  for (const go of MODELLED_VERSIONS) {
    for (const c of validationMatrix()) {
      const r = simulate(c, { go, seeds: 20 });
      assert.equal(r.backend, "simulate");
      assert.equal(r.goarch, "amd64");
      assert.deepEqual(r.case, c);
      selfConsistent(r);
      if (r.distribution) {
        assert.ok(r.hashDependent);
        assert.ok(r.distribution.min <= r.mallocs && r.mallocs <= r.distribution.max);
      }
    }
  }
});

test("a stack case explains itself in notes when it allocates nothing", () => {
  const r = simulate("make([]int, 10)", { go: "1.19" });
  const s = simulate({ op: "makeslice", elem: "int", len: 10, escape: "stack" }, { go: "1.19" });
  assert.equal(r.mallocs, 1);
  assert.equal(s.mallocs, 0);
  assert.match(s.notes.join("\n"), /on the stack/);
});

test("very large insert counts run over fewer seeds, and say so", () => {
  const r = simulate({ op: "mapinsert", key: "int", elem: "int", n: 1_000_000, escape: "heap" }, { go: "1.26", seeds: 200 });
  assert.equal(r.distribution!.runs, 20);
  assert.match(r.notes.join("\n"), /ran 20 hash seeds, not 200/);
});

test("user code is not modelled: every way into the simulator refuses it", () => {
  const code = { op: "code" as const, source: "func probe() {}\n" };
  assert.throws(() => simulate(code), /the simulator models the operations \(makemap, makeslice, append, mapinsert, .*concat, .*buffer, mapdelete, mapclear, mapclone\)/);
  assert.throws(() => simulateCounts(versionModel("1.26"), parseCase(code), 1), /your own code is measured or traced/);
});

test("a map of many tables lists them when its allocations are read: in place, as a plain value, and settable", () => {
  const c = { op: "makemap", key: "int", elem: "int", hint: 100_000, escape: "heap" } as const;
  for (const go of ["1.26", "1.27"]) {
    const r = simulate(c, { go });
    const keys = Object.keys(r);
    assert.deepEqual(keys.slice(-2), ["allocations", "notes"]);
    const json = JSON.parse(JSON.stringify(r)) as SimResult;
    // 128 tables: the header, the directory, then a table and its groups each.
    assert.equal(json.allocations.length, 2 + 2 * 128);
    assert.equal(r.allocations.length, json.allocations.length, "read again, the same list");
    assert.equal(Object.getOwnPropertyDescriptor(r, "allocations")!.value, r.allocations, "once read, a plain value");
    assert.deepEqual(Object.keys(r), keys);
    assert.deepEqual(r, json);
    assert.equal(r.allocations.filter((a) => a.site === "internal/runtime/maps.newTable").length, 128);
    assert.equal(r.allocations.reduce((n, a) => n + a.size, 0), r.bytes);
    const unread = simulate(c, { go });
    assert.deepEqual({ ...unread }, json, "a spread reads it too");
    const set = simulate(c, { go });
    set.allocations = [];
    assert.deepEqual(set.allocations, []);
    assert.equal(JSON.parse(JSON.stringify(set)).allocations.length, 0);
    // Frozen before it was read: still the list, the same one each time.
    const frozen = Object.freeze(simulate(c, { go }));
    assert.equal(frozen.allocations.length, json.allocations.length);
    assert.equal(frozen.allocations, frozen.allocations);
    assert.deepEqual(frozen, json);
  }
});
