/** Domain helpers for the simulator's tests. */
import assert from "node:assert/strict";
import { Case } from "../../kernel-helpers/case";
import { SimResult, simulate, SimulateOptions } from "../../kernel-helpers/sim";

/** The result's totals agree with its own allocation list. */
export function selfConsistent(r: SimResult): void {
  const sized = r.allocations.filter((a) => a.size > 0);
  assert.equal(r.mallocs, sized.length, "mallocs = calls with size > 0");
  assert.equal(r.mallocgcCalls, r.allocations.length, "mallocgcCalls = every call");
  assert.equal(r.bytes, r.allocations.reduce((s, a) => s + a.size, 0), "bytes = sum of sizes");
  assert.equal(r.allocatedBytes, r.allocations.reduce((s, a) => s + a.rounded, 0), "allocatedBytes = sum of rounded");
  assert.equal(r.tinyAllocs, r.allocations.filter((a) => a.path === "tiny" && a.rounded === 0).length, "tiny allocations in a block");
  for (const a of r.allocations) {
    assert.ok(a.site.length > 0 && (a.why ?? "").length > 0, "every allocation says where and why");
    assert.ok(a.rounded >= a.size || (a.path === "tiny" && a.rounded === 0), `rounded ${a.rounded} ≥ size ${a.size}`);
  }
}

/** Sizes (requested → taken) of a simulated case, in order. */
export function sizes(c: Case | string, options: SimulateOptions): string[] {
  const r = simulate(c, options);
  selfConsistent(r);
  return r.allocations.map((a) => `${a.size}→${a.rounded}`);
}
