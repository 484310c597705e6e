/** agreement() itself: it must notice every kind of difference it claims to check. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { agreement, bucketsOf, Measured, simulate } from "../../kernel-helpers/sim";

const sim = simulate("make(map[int]int, 1000)", { go: "1.26" });

function measuredFrom(): Measured {
  return {
    go: sim.go,
    mallocs: sim.mallocs,
    allocatedBytes: sim.allocatedBytes,
    deterministic: true,
    bySize: [...bucketsOf(sim.go, sim.allocations)].map(([k, count]) => {
      const [min, max] = k.split("-");
      return { min: Number(min), max: max === "∞" ? null : Number(max), count };
    }),
    metrics: { "/gc/heap/tiny/allocs:objects": 0 },
  };
}

test("a measurement built from the simulation agrees", () => {
  assert.deepEqual(agreement(sim, measuredFrom()), { kind: "deterministic", agree: true, differences: [] });
});

test("a different count, byte total, tiny count or size bucket disagrees", () => {
  const m = measuredFrom();
  assert.equal(agreement(sim, { ...m, mallocs: m.mallocs + 1 }).agree, false);
  assert.equal(agreement(sim, { ...m, allocatedBytes: m.allocatedBytes + 8 }).agree, false);
  assert.equal(agreement(sim, { ...m, metrics: { "/gc/heap/tiny/allocs:objects": 1 } }).agree, false);
  const moved = m.bySize.map((b) => (b.min === 9 ? { ...b, min: 17, max: 24 } : b));
  assert.match(agreement(sim, { ...m, bySize: moved }).differences.join(), /by size/);
});

test("a random measurement agrees when its median lies in the simulated range", () => {
  const r = simulate({ op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" }, { go: "1.19" });
  const d = r.distribution!;
  const m = { ...measuredFrom(), deterministic: false };
  const at = (median: number) => agreement(r, { ...m, distribution: { runs: 3, min: median, median, max: median, values: [median] } });
  assert.equal(at(d.median).agree, true);
  assert.equal(at(d.max + 1).agree, false);
  assert.equal(at(d.min - 1).kind, "random");
});
