/**
 * Checks of a recorded live experiment's result, field by field, before anything reads it: each
 * throws a FieldError naming the field (e.g. `result[3].nsPerOp`), which the reader turns into
 * file:line.
 */
import { validateCase } from "../case";
import type { LiveName, LiveResults } from "../experiments";
import { FRAGMENTATION_METRICS } from "../experiments";

/** A field of a recorded result that is missing or of the wrong kind. */
export class FieldError extends Error {}

type Json = Record<string, unknown>;

function obj(v: unknown, at: string): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new FieldError(`${at} must be an object`);
  return v as Json;
}
function arr(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new FieldError(`${at} must be an array`);
  return v;
}
function num(o: Json, k: string, at: string, { whole = false, nullable = false } = {}): void {
  const v = o[k];
  if (nullable && v === null) return;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (whole && !Number.isSafeInteger(v))) {
    throw new FieldError(`${at}.${k} must be a ${whole ? "whole" : "non-negative"} number${nullable ? " or null" : ""}, not ${JSON.stringify(v)}`);
  }
}
function str(o: Json, k: string, at: string): void {
  if (typeof o[k] !== "string") throw new FieldError(`${at}.${k} must be text`);
}
function bool(o: Json, k: string, at: string): void {
  if (typeof o[k] !== "boolean") throw new FieldError(`${at}.${k} must be true or false`);
}
function oneOf(o: Json, k: string, values: readonly string[], at: string): void {
  if (!values.includes(o[k] as string)) throw new FieldError(`${at}.${k} must be one of ${values.join(", ")}, not ${JSON.stringify(o[k])}`);
}
function theGo(o: Json, go: string, at: string): void {
  if (o.go !== go) throw new FieldError(`${at}.go is ${JSON.stringify(o.go)} in a recording of Go ${go}`);
}
function aCase(v: unknown, at: string): void {
  try {
    validateCase(v);
  } catch (e) {
    throw new FieldError(`${at} is not a valid case: ${(e as Error).message}`);
  }
}
function triple(o: Json, k: string, at: string): void {
  const a = arr(o[k], `${at}.${k}`);
  if (a.length !== 3 || a.some((x) => typeof x !== "number" || !Number.isFinite(x))) throw new FieldError(`${at}.${k} must be three numbers`);
}

const CHECKS: { [N in LiveName]: (v: unknown, go: string) => void } = {
  "gc-latency": (v, go) => arr(v, "result").forEach((r, i) => {
    const at = `result[${i}]`;
    const o = obj(r, at);
    theGo(o, go, at);
    aCase(o.case, `${at}.case`);
    oneOf(o, "gc", ["on (GOGC=100)", "off (GOGC=off)"], at);
    num(o, "run", at, { whole: true });
    num(o, "nsPerOp", at);
    num(o, "allocsPerOp", at, { whole: true });
    // JSON has no NaN: an operation without mallocs has null here.
    num(o, "nsPerMalloc", at, { nullable: o.allocsPerOp === 0 });
  }),
  gctrace: (v) => arr(v, "result").forEach((r, i) => {
    const at = `result[${i}]`;
    const o = obj(r, at);
    for (const k of ["gc", "percent"]) num(o, k, at, { whole: true });
    for (const k of ["atSeconds", "goalMB"]) num(o, k, at);
    triple(o, "clockMs", at);
    triple(o, "heapMB", at);
    str(o, "raw", at);
  }),
  "pprof-inlining": (v, go) => {
    const o = obj(v, "result");
    theGo(o, go, "result");
    bool(o, "inlined", "result");
    bool(o, "helperNamed", "result");
    if (arr(o.frames, "result.frames").some((f) => typeof f !== "string")) throw new FieldError("result.frames must be text");
    str(o, "trace", "result");
  },
  fragmentation: (v, go) => arr(v, "result").forEach((s, i) => {
    const at = `result[${i}]`;
    const o = obj(s, at);
    theGo(o, go, at);
    oneOf(o, "workload", ["slices", "maps"], at);
    num(o, "seconds", at);
    const values = obj(o.values, `${at}.values`);
    for (const k of Object.keys(FRAGMENTATION_METRICS)) num(values, k, `${at}.values`, { whole: true, nullable: true });
  }),
  "breakpoint-frequency": (v, go) => {
    const o = obj(v, "result");
    theGo(o, go, "result");
    str(o, "goarch", "result");
    arr(o.workload, "result.workload").forEach((c, i) => aCase(c, `result.workload[${i}]`));
    if (o.gcOff !== true) throw new FieldError("result.gcOff must be true");
    arr(o.functions, "result.functions").forEach((f, i) => {
      const at = `result.functions[${i}]`;
      const x = obj(f, at);
      oneOf(x, "family", ["sysAlloc", "allocLarge", "growWork"], at);
      for (const k of ["name", "source", "what"]) str(x, k, at);
      bool(x, "present", at);
      num(x, "wholeRun", at, { whole: true });
      if (arr(x.perCase, `${at}.perCase`).some((n) => !Number.isSafeInteger(n) || (n as number) < 0)) throw new FieldError(`${at}.perCase must be whole numbers`);
      if (arr(x.firstStack, `${at}.firstStack`).some((s) => typeof s !== "string")) throw new FieldError(`${at}.firstStack must be text`);
    });
    obj(o.build, "result.build");
    const d = obj(o.delve, "result.delve");
    str(d, "version", "result.delve");
  },
  "map-or-slice-costs": (v, go) => arr(v, "result").forEach((r, i) => {
    const at = `result[${i}]`;
    const x = obj(r, at);
    theGo(x, go, at);
    aCase(x.case, `${at}.case`);
    oneOf(x, "structure", ["map", "slice"], at);
    oneOf(x, "sizing", ["size known", "size unknown"], at);
    for (const k of ["n", "mallocs", "allocatedBytes"]) num(x, k, at, { whole: true });
    if (x.range !== undefined && (arr(x.range, `${at}.range`).length !== 2 || (x.range as unknown[]).some((n) => !Number.isSafeInteger(n)))) throw new FieldError(`${at}.range must be two whole numbers`);
  }),
  "map-or-slice-timings": (v, go) => arr(v, "result").forEach((r, i) => {
    const at = `result[${i}]`;
    const x = obj(r, at);
    theGo(x, go, at);
    oneOf(x, "task", ["look-up", "iterate"], at);
    oneOf(x, "structure", ["map", "slice"], at);
    for (const k of ["n", "run"]) num(x, k, at, { whole: true });
    num(x, "nsPerOp", at);
  }),
  "own-code": (v, go) => arr(v, "result").forEach((r, i) => {
    const at = `result[${i}]`;
    const x = obj(r, at);
    theGo(x, go, at);
    for (const k of ["lesson", "name"]) str(x, k, at);
    for (const k of ["mallocs", "allocatedBytes", "tinyAllocs", "traced"]) num(x, k, at, { whole: true });
    if (x.range !== undefined && (arr(x.range, `${at}.range`).length !== 2 || (x.range as unknown[]).some((n) => !Number.isSafeInteger(n)))) throw new FieldError(`${at}.range must be two whole numbers`);
    arr(x.escape, `${at}.escape`).forEach((e, j) => {
      const ea = `${at}.escape[${j}]`;
      const o = obj(e, ea);
      num(o, "line", ea, { whole: true });
      oneOf(o, "decision", ["heap", "stack"], ea);
      str(o, "message", ea);
    });
    arr(x.lines, `${at}.lines`).forEach((l, j) => {
      const la = `${at}.lines[${j}]`;
      const o = obj(l, la);
      for (const k of ["line", "mallocs", "bytes", "allocatedBytes"]) num(o, k, la, { whole: true });
      arr(o.kinds, `${la}.kinds`).forEach((k, n) => {
        const ka = `${la}.kinds[${n}]`;
        const ko = obj(k, ka);
        str(ko, "via", ka);
        str(ko, "site", ka);
        if (ko.type !== null) str(ko, "type", ka);
        for (const f of ["count", "bytes", "allocatedBytes"]) num(ko, f, ka, { whole: true });
      });
    });
  }),
};

/** Checks one recorded result of the named experiment; throws FieldError. */
export function checkLiveResult<N extends LiveName>(name: N, value: unknown, go: string): asserts value is LiveResults[N] {
  CHECKS[name](value, go);
}
