/** Delve's wire shapes to the lab's types, and the checks on what comes off the wire. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeTypeName, runtimeTypeOf, Value } from "../../kernel-helpers/dlv";
import { assertCommandOut, assertListBreakpointsOut } from "../../kernel-helpers/dlv/check";
import { toHitCounts, toStop, toValue, toWireBreakpoint } from "../../kernel-helpers/dlv/convert";
import { DelveProtocolError } from "../../kernel-helpers/dlv/errors";
import { WireThread, WireVariable } from "../../kernel-helpers/dlv/wire";

function nameBytes(name: string, flags = 0): Buffer {
  const body = Buffer.from(name);
  const len: number[] = [];
  let n = body.length;
  do {
    len.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>= 7;
  } while (n > 0);
  return Buffer.concat([Buffer.from([flags, ...len]), body, Buffer.from([0, 0, 0])]);
}

test("runtime type names: uvarint length, and the extra star dropped when tflagExtraStar says so", () => {
  assert.equal(decodeTypeName(nameBytes("*runtime.hmap"), 2 | 1 | 4 | 8), "runtime.hmap");
  assert.equal(decodeTypeName(nameBytes("*maps.table"), 1 | 8 | 32), "*maps.table");
  const long = `struct { ${"a".repeat(200)} int }`;
  assert.equal(decodeTypeName(nameBytes(long), 0), long);
  assert.equal(decodeTypeName(nameBytes(long).subarray(0, 50), 0), null, "too short to hold the name");
});

const variable = (name: string, type: string, value: string, children: WireVariable[] = [], addr = 0): WireVariable =>
  ({ name, type, value, addr, children, unreadable: "", onlyAddr: false, realType: type, flags: 0, kind: 0, len: 0, cap: 0, base: 0 });

test("mallocgc's typ argument in both spellings: runtime._type (1.19) and internal/abi.Type", () => {
  const old = toValue(variable("typ", "*runtime._type", "", [variable("", "runtime._type", "", [
    variable("size", "uintptr", "48"), variable("ptrdata", "uintptr", "8"),
    variable("tflag", "runtime.tflag", "tflagUncommon|tflagExtraStar|tflagNamed (7)"), variable("str", "runtime.nameOff", "7967"),
  ], 4731744)]));
  assert.deepEqual(runtimeTypeOf(old), { address: 4731744, size: 48, ptrBytes: 8, tflag: 7, nameOff: 7967 });
  const abi = toValue(variable("typ", "*internal/abi.Type", "", [variable("", "internal/abi.Type", "", [
    variable("Size_", "uintptr", "16"), variable("PtrBytes", "uintptr", "0"),
    variable("TFlag", "internal/abi.TFlag", "TFlagRegularMemory (8)"), variable("Str", "internal/abi.NameOff", "46187"),
  ], 5471648)]));
  assert.deepEqual(runtimeTypeOf(abi), { address: 5471648, size: 16, ptrBytes: 0, tflag: 8, nameOff: 46187 });
  assert.equal(runtimeTypeOf(toValue(variable("typ", "*runtime._type", "nil"))), null);
});

const fn = (name: string) => ({ name, value: 1, type: 0, goType: 0, optimized: true });
const thread = (id: number, goroutineID: number, bp: number | null, name: string): WireThread => ({
  id, pc: 1, file: "/x.go", line: 3, goroutineID, function: fn(name),
  breakPoint: bp === null ? null : { id: bp, name: bp < 0 ? "unrecovered-panic" : "", hitCount: { [String(goroutineID)]: 2 }, totalHitCount: 5 },
  breakPointInfo: bp === null ? null : {
    arguments: [variable("size", "uintptr", "48")],
    stacktrace: [{ pc: 1, file: "/r/malloc.go", line: 9, function: fn("runtime.mallocgc"), FrameOffset: 0, FramePointerOffset: 0, Err: "" }],
  },
});

test("a stop: every thread at a user breakpoint is a hit; Delve's own breakpoints are not", () => {
  const state = { Pid: 9, Running: false, exited: false, exitStatus: 0, currentThread: thread(1, 1, 3, "runtime.mallocgc"), Threads: [thread(1, 1, 3, "runtime.mallocgc"), thread(2, 7, 3, "runtime.mallocgc"), thread(3, 0, null, "runtime.futex")] };
  const out = { State: state };
  assertCommandOut(out, "RPCServer.Command");
  const stop = toStop(out.State);
  assert.equal(stop.exited, false);
  assert.deepEqual(stop.hits.map((h) => [h.threadId, h.goroutineId, h.breakpointId]), [[1, 1, 3], [2, 7, 3]]);
  assert.equal(stop.hits[0].args[0].text, "48");
  assert.deepEqual(stop.hits[0].stack, [{ function: "runtime.mallocgc", file: "/r/malloc.go", line: 9 }]);
  const panic = toStop({ ...state, currentThread: thread(1, 1, -1, "runtime.fatalpanic"), Threads: [thread(1, 1, -1, "runtime.fatalpanic")] });
  assert.deepEqual(panic.hits, []);
  assert.match(panic.where, /unrecovered-panic in runtime\.fatalpanic/);
});

test("hit counts per goroutine come as string keys and become numbers", () => {
  const counts = toHitCounts({ id: 4, hitCount: { "1": 10, "17": 2 }, totalHitCount: 12 });
  assert.equal(counts.id, 4);
  assert.equal(counts.total, 12);
  assert.deepEqual([...counts.byGoroutine], [[1, 10], [17, 2]]);
  const out = { Breakpoints: [{ id: 4, hitCount: { "1": 10 }, totalHitCount: 10 }] };
  assertListBreakpointsOut(out, "RPCServer.ListBreakpoints");
});

test("a breakpoint spec becomes Delve's JSON: Cond, HitCond, LoadArgs, stacktrace", () => {
  const bp = toWireBreakpoint({ function: "runtime.mallocgc", condition: "size > 0", hitCondition: "> 1000000000000", loadArgs: "pointee", stack: 9 });
  assert.equal(bp.functionName, "runtime.mallocgc");
  assert.equal(bp.Cond, "size > 0");
  assert.equal(bp.HitCond, "> 1000000000000");
  assert.equal(bp.stacktrace, 9);
  assert.equal(bp.LoadArgs?.FollowPointers, true);
  assert.equal(bp.LoadArgs?.MaxStructFields, -1);
});

test("what does not look like Delve's API is refused, naming the field", () => {
  const bad = [
    [{ State: { Pid: 1, Running: false, exited: false, Threads: {} } }, /result\.State\.Threads should be an array or null/],
    [{ State: { Pid: "1", Running: false, exited: false } }, /result\.State\.Pid should be a number/],
    [{ State: { Pid: 1, Running: false, exited: false, Threads: [{ id: 1, goroutineID: 1, breakPoint: { id: 2, hitCount: { x: 1 } } }] } }, /hitCount\["x"\] should be a hit count/],
    [null, /result should be an object/],
  ] as const;
  for (const [value, message] of bad) {
    assert.throws(() => assertCommandOut(value, "RPCServer.Command"), (e: unknown) => e instanceof DelveProtocolError && message.test(e.message) && /RPCServer\.Command/.test(e.message));
  }
  const v: Value = toValue(variable("size", "uintptr", "48"));
  assert.equal(v.text, "48");
});
