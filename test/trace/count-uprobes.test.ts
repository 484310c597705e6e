/**
 * The uprobe counter's rules on event streams written by hand: the same counts as the breakpoint
 * counter (size-0 calls apart, specialised sizes counted where they go, other goroutines apart),
 * and a refusal when the stream shows a lost event. The real streams are held to measure in
 * trace-vs-measure.integration.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { TracepointEvent, Value } from "../../kernel-helpers/dlv";
import { EntryPlan, MALLOCGC, UprobeCounter, UprobeLossError } from "../../kernel-helpers/trace";

const PROBE = 1;
const OTHER = 7;
const plain: EntryPlan = { specialised: false, limit: 0, functions: [MALLOCGC], zeroReturn: { file: "malloc.go", line: 1 } };
const SC2 = "runtime.mallocgcTinySC2";
const specialised: EntryPlan = { ...plain, specialised: true, limit: 81, functions: [MALLOCGC, SC2] };

const arg = (name: string, n: number): Value => ({ name, type: "int", text: String(n), address: 0, children: [] });
const call = (fn: string, args: Value[] = [], g = PROBE): TracepointEvent => ({ function: fn, goroutineId: g, isRet: false, args });
const ret = (fn: string, g = PROBE): TracepointEvent => ({ function: fn, goroutineId: g, isRet: true, args: [] });
const begin = (c: number) => [call("main.probeBegin", [arg("c", c)]), ret("main.probeBegin")];
const end = (c: number) => [call("main.probeEnd", [arg("c", c)]), ret("main.probeEnd")];
const malloc = (size: number, g = PROBE, inner: TracepointEvent[] = []) => [call(MALLOCGC, [arg("size", size)], g), ...inner, ret(MALLOCGC, g)];

test("counts the probe goroutine's allocations per case; size-0 calls and other goroutines apart", () => {
  const counter = new UprobeCounter(2, plain, PROBE);
  // The stream starts inside probeBegin(0): its call may be missing, its return is there.
  counter.add([ret("main.probeBegin"), ...malloc(48), ...malloc(0), ...malloc(16, OTHER), ...end(0)]);
  assert.equal(counter.done, false);
  counter.add([...malloc(8), ...begin(1), ...malloc(8), ...malloc(8), ...end(1), ...malloc(4096)]);
  assert.equal(counter.done, true);
  assert.deepEqual(counter.results, [
    { mallocs: 1, zero: 1, byEntry: { [MALLOCGC]: 1 }, otherGoroutines: 1 },
    { mallocs: 2, zero: 0, byEntry: { [MALLOCGC]: 2 }, otherGoroutines: 0 },
  ]);
});

test("probeBegin(0) seen or not, case 0 counts the same", () => {
  const withCall = new UprobeCounter(1, plain, PROBE);
  withCall.add([...begin(0), ...malloc(24), ...end(0)]);
  const without = new UprobeCounter(1, plain, PROBE);
  without.add([...malloc(24), ...end(0)]);
  assert.deepEqual(withCall.results, without.results);
});

test("with size-specialised malloc, a small size is counted at the function it reaches, once", () => {
  const counter = new UprobeCounter(1, specialised, PROBE);
  counter.add([...malloc(8, PROBE, [call(SC2), ret(SC2)]), call(SC2), ret(SC2), ...malloc(100), ...malloc(0), ...end(0)]);
  assert.deepEqual(counter.results, [{ mallocs: 3, zero: 1, byEntry: { [SC2]: 2, [MALLOCGC]: 1 }, otherGoroutines: 0 }]);
});

test("a lost call, return or marker refuses the count", () => {
  const lost: [string, TracepointEvent[]][] = [
    ["a return with no call", [ret(MALLOCGC)]],
    ["a case ending inside mallocgc", [call(MALLOCGC, [arg("size", 8)]), ...end(0)]],
    ["a missing probeBegin(1)", [...end(0), ...malloc(8), ...end(1)]],
    ["a missing probeEnd(0)", [...begin(1)]],
    ["a mallocgc call without its size", [call(MALLOCGC), ret(MALLOCGC)]],
  ];
  for (const [what, events] of lost) {
    const counter = new UprobeCounter(2, plain, PROBE);
    assert.throws(() => counter.add(events), UprobeLossError, what);
  }
});

test("other goroutines' unbalanced calls are not held against the count (they may be inside mallocgc when the uprobes go in)", () => {
  const counter = new UprobeCounter(1, plain, PROBE);
  counter.add([ret(MALLOCGC, OTHER), ...malloc(8), ...end(0)]);
  assert.deepEqual(counter.results, [{ mallocs: 1, zero: 0, byEntry: { [MALLOCGC]: 1 }, otherGoroutines: 0 }]);
});
