/**
 * What count mode's `auto` picks (kernel-helpers/trace/counter-choice.ts): breakpoints whenever
 * dlv and the program share one CPU; unpinned, uprobes once the simulator expects enough
 * allocations to pay for their fixed cost, or cannot tell.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { Toolchain } from "../../kernel-helpers/go";
import { estimatedAllocations, UPROBES_PAY_FROM, uprobesPay } from "../../kernel-helpers/trace/counter-choice";

const go126 = { version: "1.26.8" } as Toolchain;
const inserts = (n: number) => parseCase(`{"op":"mapinsert","key":"int","elem":"*int","n":${n},"freshElem":true}`);

test("pinned to one CPU, breakpoints count at every size", () => {
  assert.equal(uprobesPay(go126, [inserts(100_000)], false, true), false);
});

test("unpinned, uprobes from UPROBES_PAY_FROM simulated allocations on", () => {
  const small = inserts(10);
  const large = inserts(UPROBES_PAY_FROM);
  assert.ok(estimatedAllocations(go126, [small], false)! < UPROBES_PAY_FROM);
  assert.ok(estimatedAllocations(go126, [large], false)! >= UPROBES_PAY_FROM);
  assert.equal(uprobesPay(go126, [small], false, false), false);
  assert.equal(uprobesPay(go126, [large], false, false), true);
});

test("unpinned, a version the simulator does not model counts as many", () => {
  const unknown = { version: "1.99.0" } as Toolchain;
  assert.equal(estimatedAllocations(unknown, [inserts(10)], false), null);
  assert.equal(uprobesPay(unknown, [inserts(10)], false, false), true);
});
