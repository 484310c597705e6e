/**
 * Assertion functions for what comes off Delve's wire: each checks the fields the lab reads and
 * narrows `unknown` to a wire type, or throws a DelveProtocolError naming the RPC and the field.
 */
import { traceMessages } from "../messages";
import { DelveProtocolError } from "./errors";
import {
  WireBreakpoint, WireBreakpointInfo, WireCommandOut, WireCreateBreakpointOut, WireDebuggerState,
  WireEvalOut, WireExamineMemoryOut, WireGetVersionOut, WireListBreakpointsOut, WireListFunctionsOut,
  WireGetBufferedTracepointsOut, WireProcessPidOut, WireStackframe, WireStacktraceOut, WireStateOut, WireThread,
  WireTracepointResult, WireVariable,
} from "./wire";

/** Where a check failed: the RPC and the path inside its result. */
type At = { method: string; path: string };

function fail(at: At, what: string): never {
  throw new DelveProtocolError(traceMessages.wireShape(at.method, at.path, what), { method: at.method });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function object(x: unknown, at: At): Record<string, unknown> {
  if (!isObject(x)) fail(at, "an object");
  return x;
}

function field(o: Record<string, unknown>, name: string, at: At): { value: unknown; at: At } {
  return { value: o[name], at: { method: at.method, path: `${at.path}.${name}` } };
}

function number(o: Record<string, unknown>, name: string, at: At): void {
  const f = field(o, name, at);
  if (typeof f.value !== "number" || !Number.isFinite(f.value)) fail(f.at, "a number");
}

function string(o: Record<string, unknown>, name: string, at: At, optional = false): void {
  const f = field(o, name, at);
  if (optional && f.value === undefined) return;
  if (typeof f.value !== "string") fail(f.at, "a string");
}

function boolean(o: Record<string, unknown>, name: string, at: At, optional = false): void {
  const f = field(o, name, at);
  if (optional && f.value === undefined) return;
  if (typeof f.value !== "boolean") fail(f.at, "true or false");
}

/** An array, or null/absent (Go's nil slice), each element checked. */
function list(o: Record<string, unknown>, name: string, at: At, each: (x: unknown, at: At) => void): void {
  const f = field(o, name, at);
  if (f.value === undefined || f.value === null) return;
  if (!Array.isArray(f.value)) fail(f.at, "an array or null");
  f.value.forEach((x, i) => each(x, { method: at.method, path: `${f.at.path}[${i}]` }));
}

function optionalObject(o: Record<string, unknown>, name: string, at: At, check: (x: unknown, at: At) => void): void {
  const f = field(o, name, at);
  if (f.value === undefined || f.value === null) return;
  check(f.value, f.at);
}

function checkFunction(x: unknown, at: At): void {
  const o = object(x, at);
  string(o, "name", at);
}

function checkVariable(x: unknown, at: At, depth = 0): asserts x is WireVariable {
  const o = object(x, at);
  string(o, "name", at);
  string(o, "type", at);
  string(o, "value", at);
  string(o, "unreadable", at, true);
  number(o, "addr", at);
  // Children of children are checked as deep as the lab ever loads them (a pointer's struct).
  if (depth < 3) list(o, "children", at, (c, a) => checkVariable(c, a, depth + 1));
}

function checkFrame(x: unknown, at: At): asserts x is WireStackframe {
  const o = object(x, at);
  number(o, "pc", at);
  string(o, "file", at);
  number(o, "line", at);
  optionalObject(o, "function", at, checkFunction);
}

function checkBreakpoint(x: unknown, at: At): asserts x is WireBreakpoint {
  const o = object(x, at);
  number(o, "id", at);
  optionalObject(o, "hitCount", at, (h, a) => {
    const counts = object(h, a);
    for (const [g, n] of Object.entries(counts)) {
      if (!/^-?\d+$/.test(g) || typeof n !== "number") fail({ method: a.method, path: `${a.path}[${JSON.stringify(g)}]` }, "a hit count per goroutine id");
    }
  });
  const total = field(o, "totalHitCount", at);
  if (total.value !== undefined && typeof total.value !== "number") fail(total.at, "a number");
  list(o, "addrs", at, (a, where) => {
    if (typeof a !== "number") fail(where, "an address");
  });
}

function checkBreakpointInfo(x: unknown, at: At): asserts x is WireBreakpointInfo {
  const o = object(x, at);
  list(o, "stacktrace", at, checkFrame);
  list(o, "arguments", at, (v, a) => checkVariable(v, a));
  list(o, "variables", at, (v, a) => checkVariable(v, a));
}

function checkThread(x: unknown, at: At): asserts x is WireThread {
  const o = object(x, at);
  number(o, "id", at);
  number(o, "goroutineID", at);
  optionalObject(o, "function", at, checkFunction);
  optionalObject(o, "breakPoint", at, checkBreakpoint);
  optionalObject(o, "breakPointInfo", at, checkBreakpointInfo);
}

function checkState(x: unknown, at: At): asserts x is WireDebuggerState {
  const o = object(x, at);
  number(o, "Pid", at);
  boolean(o, "exited", at);
  boolean(o, "Running", at);
  optionalObject(o, "currentThread", at, checkThread);
  list(o, "Threads", at, checkThread);
  const status = field(o, "exitStatus", at);
  if (status.value !== undefined && typeof status.value !== "number") fail(status.at, "a number");
}

const root = (method: string): At => ({ method, path: "result" });

export function assertCommandOut(x: unknown, method: string): asserts x is WireCommandOut {
  const o = object(x, root(method));
  checkState(o.State, { method, path: "result.State" });
}

export function assertStateOut(x: unknown, method: string): asserts x is WireStateOut {
  assertCommandOut(x, method);
}

export function assertCreateBreakpointOut(x: unknown, method: string): asserts x is WireCreateBreakpointOut {
  const o = object(x, root(method));
  checkBreakpoint(o.Breakpoint, { method, path: "result.Breakpoint" });
}

export function assertListBreakpointsOut(x: unknown, method: string): asserts x is WireListBreakpointsOut {
  const o = object(x, root(method));
  if (!Array.isArray(o.Breakpoints)) fail({ method, path: "result.Breakpoints" }, "an array");
  o.Breakpoints.forEach((b, i) => checkBreakpoint(b, { method, path: `result.Breakpoints[${i}]` }));
}

export function assertStacktraceOut(x: unknown, method: string): asserts x is WireStacktraceOut {
  const o = object(x, root(method));
  list(o, "Locations", root(method), checkFrame);
  if (!Array.isArray(o.Locations)) fail({ method, path: "result.Locations" }, "an array");
}

export function assertEvalOut(x: unknown, method: string): asserts x is WireEvalOut {
  const o = object(x, root(method));
  checkVariable(o.Variable, { method, path: "result.Variable" });
}

export function assertListFunctionsOut(x: unknown, method: string): asserts x is WireListFunctionsOut {
  const o = object(x, root(method));
  list(o, "Funcs", root(method), (f, at) => {
    if (typeof f !== "string") fail(at, "a function name");
  });
}

export function assertExamineMemoryOut(x: unknown, method: string): asserts x is WireExamineMemoryOut {
  const o = object(x, root(method));
  const mem = field(o, "Mem", root(method));
  if (mem.value !== null && (typeof mem.value !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(mem.value))) fail(mem.at, "base64 bytes");
}

export function assertProcessPidOut(x: unknown, method: string): asserts x is WireProcessPidOut {
  const o = object(x, root(method));
  number(o, "Pid", root(method));
}

export function assertGetVersionOut(x: unknown, method: string): asserts x is WireGetVersionOut {
  const o = object(x, root(method));
  string(o, "DelveVersion", root(method));
  number(o, "APIVersion", root(method));
}

function checkTracepointResult(x: unknown, at: At): asserts x is WireTracepointResult {
  const o = object(x, at);
  boolean(o, "is_ret", at);
  number(o, "goroutineID", at);
  string(o, "functionName", at, true);
  list(o, "inputParams", at, (v, a) => checkVariable(v, a));
}

export function assertGetBufferedTracepointsOut(x: unknown, method: string): asserts x is WireGetBufferedTracepointsOut {
  const o = object(x, root(method));
  list(o, "TracepointResults", root(method), checkTracepointResult);
}

/** Results the lab does not read (Detach, AmendBreakpoint, ClearBreakpoint): any object will do. */
export function assertAnyObject(x: unknown, method: string): asserts x is Record<string, unknown> {
  object(x, root(method));
}
