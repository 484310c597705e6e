/**
 * Delve's wire shapes → the lab's own types, in one place (as Delve's service/api/conversions.go
 * does the other way). Nothing outside the dlv folder sees a Wire* type.
 */
import { GolabError } from "../errors";
import { traceMessages } from "../messages";
import {
  WireBreakpoint, WireDebuggerState, WireGetVersionOut, WireLoadConfig, WireStackframe, WireThread, WireTracepointResult, WireVariable,
} from "./wire";

/**
 * How much of a variable Delve reads: `scalars` reads values and struct fields but follows no
 * pointer; `pointee` also reads what a pointer points to (one level: mallocgc's *_type).
 */
export type LoadLevel = "scalars" | "pointee";

/** Where to break and what to collect; the lab's side of CreateBreakpoint. */
export interface BreakpointSpec {
  /** A function, e.g. "runtime.mallocgc" (breaks after its prologue, at every inlined copy too). */
  function?: string;
  /** Or a source line. */
  file?: string;
  line?: number;
  /** Go expression: the breakpoint counts (and stops) only when it holds. */
  condition?: string;
  /** "OP N" on the hit count: stops only when it holds ("> 1000000000000": count, never stop). */
  hitCondition?: string;
  /** Load the function's arguments when hit. */
  loadArgs?: LoadLevel;
  /** Frames of stack to collect when hit. */
  stack?: number;
}

/** A breakpoint Delve set. */
export interface Breakpoint {
  id: number;
  /** Every address it was set at (several for an inlined function). */
  addresses: number[];
  function: string;
  file: string;
  line: number;
}

/** A Delve server's version and the Go versions it says it supports (Delve ≥ 1.21 says). */
export interface DelveVersion {
  /** "1.27.2" */
  delve: string;
  apiVersion: number;
  targetGo: string | null;
  minGo: string | null;
  maxGo: string | null;
}

/** One frame of a goroutine's stack. */
export interface Frame {
  /** Fully qualified: runtime.makeBucketArray, internal/runtime/maps.newGroups, main.probe0. */
  function: string;
  file: string;
  line: number;
}

/** A variable as Delve read it. */
export interface Value {
  name: string;
  /** Go type as Delve names it. */
  type: string;
  /** The printed value of a scalar ("48", "true"); "" for composites. */
  text: string;
  /** For a pointer: the address it holds (Delve's pointee address); else the variable's own. */
  address: number;
  /** Struct fields, or a pointer's pointee. */
  children: Value[];
  /** Why Delve could not read it, when it could not. */
  unreadable?: string;
}

/** A thread stopped at a user breakpoint. */
export interface BreakpointHit {
  breakpointId: number;
  /** 0 when the thread runs no goroutine. */
  goroutineId: number;
  threadId: number;
  /** The function the thread stopped in. */
  function: string;
  /** The arguments the breakpoint asked to load (LoadArgs). */
  args: Value[];
  /** The stack the breakpoint asked for (its `stacktrace` depth), innermost first. */
  stack: Frame[];
}

/** Why `continue` returned. */
export interface Stop {
  exited: boolean;
  exitStatus: number;
  /** Every thread that stopped at a user breakpoint (several when they trapped together). */
  hits: BreakpointHit[];
  /** Where the current thread is when nothing was hit (a signal, a halt, a panic breakpoint). */
  where: string;
}

/** One call of a function with an eBPF tracepoint, or its return, in the order the program made them. */
export interface TracepointEvent {
  function: string;
  goroutineId: number;
  /** The return (Delve puts a uprobe on each of the function's RET instructions too). */
  isRet: boolean;
  /** The arguments read at entry (none for a return). */
  args: Value[];
}

/** A breakpoint's hit counts. */
export interface HitCounts {
  id: number;
  total: number;
  /** Hits by goroutine id. */
  byGoroutine: Map<number, number>;
}

export function toLoadConfig(level: LoadLevel): WireLoadConfig {
  return level === "pointee"
    ? { FollowPointers: true, MaxVariableRecurse: 1, MaxStringLen: 64, MaxArrayValues: 16, MaxStructFields: -1 }
    : { FollowPointers: false, MaxVariableRecurse: 0, MaxStringLen: 64, MaxArrayValues: 16, MaxStructFields: -1 };
}

export function toWireBreakpoint(spec: BreakpointSpec): WireBreakpoint {
  const bp: WireBreakpoint = {};
  if (spec.function !== undefined) bp.functionName = spec.function;
  if (spec.file !== undefined) bp.file = spec.file;
  if (spec.line !== undefined) bp.line = spec.line;
  if (spec.condition !== undefined) bp.Cond = spec.condition;
  if (spec.hitCondition !== undefined) bp.HitCond = spec.hitCondition;
  if (spec.loadArgs !== undefined) bp.LoadArgs = toLoadConfig(spec.loadArgs);
  if (spec.stack !== undefined) bp.stacktrace = spec.stack;
  return bp;
}

export function toBreakpoint(b: WireBreakpoint): Breakpoint {
  return { id: b.id ?? 0, addresses: b.addrs ?? (b.addr ? [b.addr] : []), function: b.functionName ?? "", file: b.file ?? "", line: b.line ?? 0 };
}

export function toVersion(v: WireGetVersionOut): DelveVersion {
  // Delve sends its `dlv version` text: "Version: 1.20.2\nBuild: $Id: ... $".
  return {
    delve: /(\d+\.\d+\.\d+)/.exec(v.DelveVersion)?.[1] ?? v.DelveVersion,
    apiVersion: v.APIVersion,
    targetGo: v.TargetGoVersion || null,
    minGo: v.MinSupportedVersionOfGo || null,
    maxGo: v.MaxSupportedVersionOfGo || null,
  };
}

export function toFrame(f: WireStackframe): Frame {
  return { function: f.function?.name ?? "?", file: f.file, line: f.line };
}

export function toValue(v: WireVariable): Value {
  const children = (v.children ?? []).map(toValue);
  // A pointer's address is its pointee's: Delve puts the pointee in children[0].
  const pointer = v.type.startsWith("*") && children.length === 1;
  const value: Value = { name: v.name, type: v.type, text: v.value, address: pointer ? children[0].address : v.addr, children };
  if (v.unreadable) value.unreadable = v.unreadable;
  return value;
}

/** Delve's breakpoint IDs below 0 are its own (unrecovered-panic is -1, fatal-throw -2). */
function isUserBreakpoint(t: WireThread): boolean {
  return t.breakPoint !== undefined && t.breakPoint !== null && (t.breakPoint.id ?? 0) > 0;
}

function toHit(t: WireThread): BreakpointHit {
  const info = t.breakPointInfo ?? {};
  return {
    breakpointId: t.breakPoint!.id!,
    goroutineId: t.goroutineID,
    threadId: t.id,
    function: t.function?.name ?? "?",
    args: (info.arguments ?? []).map(toValue),
    stack: (info.stacktrace ?? []).map(toFrame),
  };
}

export function toStop(s: WireDebuggerState): Stop {
  const threads = s.Threads ?? [];
  const hits = threads.filter(isUserBreakpoint).map(toHit);
  const current = s.currentThread;
  if (current && isUserBreakpoint(current) && !hits.some((h) => h.threadId === current.id)) hits.push(toHit(current));
  const bp = current?.breakPoint;
  const where = bp && (bp.id ?? 0) < 0
    ? `${bp.name || `breakpoint ${bp.id}`} in ${current?.function?.name ?? "?"}`
    : `${current?.function?.name ?? "?"} (${current?.file ?? "?"}:${current?.line ?? 0})`;
  return { exited: s.exited, exitStatus: s.exitStatus ?? 0, hits, where };
}

export function toTracepointEvent(t: WireTracepointResult): TracepointEvent {
  return { function: t.functionName ?? "?", goroutineId: t.goroutineID, isRet: t.is_ret, args: (t.inputParams ?? []).map(toValue) };
}

export function toHitCounts(b: WireBreakpoint): HitCounts {
  const byGoroutine = new Map<number, number>();
  for (const [g, n] of Object.entries(b.hitCount ?? {})) byGoroutine.set(Number(g), n);
  return { id: b.id ?? 0, total: b.totalHitCount ?? 0, byGoroutine };
}

/** A whole number from a value Delve printed; throws when it is not one. */
export function integerOf(v: Value): number {
  if (v.unreadable || !/^-?\d+$/.test(v.text)) throw new GolabError(traceMessages.unreadableValue(v.name, v.unreadable ?? v.text));
  const n = Number(v.text);
  if (!Number.isSafeInteger(n)) throw new GolabError(traceMessages.unreadableValue(v.name, v.text));
  return n;
}

/**
 * What mallocgc's `typ *_type` argument holds, read from the struct Delve loaded: the runtime's
 * `_type` in Go 1.19 (size, ptrdata, tflag, str) or `internal/abi.Type` from Go 1.21 (Size_,
 * PtrBytes, TFlag, Str). Null for a nil typ.
 */
export interface RuntimeTypeRef {
  address: number;
  size: number;
  /** Bytes of the prefix that holds pointers: 0 means the allocation is noscan. */
  ptrBytes: number;
  tflag: number;
  /** nameOff of the type's name, relative to the module's types section. */
  nameOff: number;
}

const TYPE_FIELDS = {
  size: ["size", "Size_"],
  ptrBytes: ["ptrdata", "PtrBytes"],
  tflag: ["tflag", "TFlag"],
  nameOff: ["str", "Str"],
} as const;

export function runtimeTypeOf(typ: Value): RuntimeTypeRef | null {
  if (typ.address === 0 || typ.text === "nil" || typ.children.length === 0) return null;
  const struct = typ.children[0];
  const get = (names: readonly string[]): number => {
    const f = struct.children.find((c) => names.includes(c.name));
    if (!f) throw new GolabError(traceMessages.unreadableValue(`${typ.name}.${names.join("/")}`, "missing"));
    // Flags print as "tflagUncommon|tflagNamed (7)": the number in parentheses is the value.
    const m = /\((\d+)\)$/.exec(f.text);
    return m ? Number(m[1]) : integerOf(f);
  };
  return { address: typ.address, size: get(TYPE_FIELDS.size), ptrBytes: get(TYPE_FIELDS.ptrBytes), tflag: get(TYPE_FIELDS.tflag), nameOff: get(TYPE_FIELDS.nameOff) };
}

/** tflagExtraStar (runtime/type.go in 1.19, internal/abi/type.go TFlagExtraStar later): the name has a '*' to drop. */
const TFLAG_EXTRA_STAR = 1 << 1;

/**
 * Decodes a runtime type name from the bytes at types+nameOff: a flags byte, the length as a
 * uvarint, then the name (runtime/type.go `name` since Go 1.17; internal/abi.Name later). Returns
 * null when `bytes` is too short to hold it all.
 */
export function decodeTypeName(bytes: Buffer, tflag: number): string | null {
  let length = 0;
  let shift = 0;
  let i = 1;
  for (; i < bytes.length && i < 11; i++) {
    const b = bytes[i];
    length += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  const start = i + 1;
  if (i >= bytes.length || start + length > bytes.length) return null;
  const name = bytes.subarray(start, start + length).toString("utf8");
  return tflag & TFLAG_EXTRA_STAR && name.startsWith("*") ? name.slice(1) : name;
}
