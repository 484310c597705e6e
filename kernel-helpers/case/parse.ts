/**
 * parseCase: the one door through which a case enters the lab, from JSON text, an object, or a
 * short form (`make(map[int]int, 1000)`, `append([]int, 1000)`, `insert(map[int]int, 1000)`;
 * short-form.ts). It validates every field by CASE_SCHEMA and returns a Case whose types are
 * re-spelled from their parse trees.
 */
import { InputError } from "../errors";
import { caseMessages, typeMessages } from "../messages";
import { parseGoType, renderType, GoType, isComparable, layoutOf, MAX_TYPE_SIZE } from "../types";
import { Case, CASE_SCHEMA, ESCAPES, Escape, FieldSpec, FIELDS, MakeMapCase, MakeSliceCase, OPS, Op } from "./case";
import { ObjectOp, validateObjectCase } from "./objects";
import { readShortForm } from "./short-form";
import { buildMapOp, isMapOp } from "./map-ops";
import { buildStringOp, isStringOp } from "./string-ops";

const MAX_TEXT = 4000;
/** Largest Go source a code case holds (a snippet, not a program). */
export const MAX_SOURCE = 64 * 1024;
/** JSON text may carry a code case's source, escaped. */
const MAX_JSON = 2 * MAX_SOURCE;

/**
 * A Go type field as read: its canonical spelling, its parse tree, whether it may be a map key,
 * and its size in bytes (null when layoutOf gives none).
 */
type TypeField = { text: string; tree: GoType; comparable: boolean; size: number | null };

/**
 * Type fields already read, by the text given: a batch of a million cases names a handful of
 * types, and re-spelling each tree was a large part of reading a case. Fields are never modified.
 */
const typeFields = new Map<string, TypeField>();
const MAX_TYPE_FIELDS = 10_000;

/** Options that apply to a short form, which has no room for them. */
export interface ParseOptions {
  /** Escape for short forms and for JSON cases that omit it. Default `heap`. */
  escape?: Escape;
}

/** Parses a case from text (JSON or short form) or from an already-parsed object. */
export function parseCase(input: unknown, options?: ParseOptions): Case {
  // Not `{ escape = "heap" }: ParseOptions = {}`: that made an object per case read without options.
  const given = options === undefined ? undefined : options.escape;
  const escape = given === undefined ? "heap" : given;
  if (!isEscape(escape)) oneOf("escape", escape, ESCAPES);
  if (typeof input === "string") {
    const text = input.trim();
    const limit = text.startsWith("{") ? MAX_JSON : MAX_TEXT;
    if (text.length > limit) throw new InputError(caseMessages.tooLong(text.length, limit), text.slice(0, 40));
    if (text.startsWith("{")) {
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        throw new InputError(caseMessages.badJson((e as Error).message), text);
      }
      return validateCase(obj, escape);
    }
    return validateCase(readShortForm(text, escape), escape);
  }
  return validateCase(input, escape);
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(caseMessages.badEnum(field, value, allowed), String(value));
}

function size(field: string, value: unknown): number {
  // `+ 0` turns -0 (JSON allows it) into 0, so equal cases stay equal.
  if (isSize(value)) return value + 0;
  throw new InputError(caseMessages.badSize(field, value), String(value));
}

/** A JSON array of sizes. */
function sizes(field: string, value: unknown): number[] {
  if (!Array.isArray(value)) throw new InputError(caseMessages.notSizes(field), String(value));
  return value.map((v, i) => size(`${field}[${i}]`, v));
}

function goType(field: string, value: unknown): TypeField {
  if (typeof value !== "string") throw new InputError(caseMessages.notString(field), String(value));
  let t = typeFields.get(value);
  if (!t) {
    const tree = parseGoType(value);
    t = { text: renderType(tree), tree, comparable: isComparable(tree), size: layoutOf(tree)?.size ?? null };
    if (typeFields.size >= MAX_TYPE_FIELDS) typeFields.clear();
    typeFields.set(value, t);
  }
  return t;
}

/** A JSON array of Go types, each read as a type field is. */
function typeList(field: string, value: unknown): TypeField[] {
  if (!Array.isArray(value)) throw new InputError(caseMessages.notTypeList(field), String(value));
  return value.map((t) => goType(field, t));
}

/** A map's key must be comparable; parseGoType checks that only when it sees the whole map type. */
function checkMapKey(key: TypeField, elem: TypeField): void {
  if (!key.comparable) {
    throw new InputError(typeMessages.notComparable(`map[${key.text}]${elem.text}`, key.text), key.text);
  }
}

function bool(field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new InputError(caseMessages.badEnum(field, value, ["true", "false"]), String(value));
}

/**
 * Go source as text: checked here for size and characters only; the Go parser reads it before it
 * is compiled (../code/check.ts), as its own file.
 */
function source(field: string, value: unknown): string {
  if (typeof value !== "string") throw new InputError(caseMessages.notText(field, "Go source"), String(value));
  if (value.length > MAX_SOURCE) throw new InputError(caseMessages.sourceTooLong(value.length, MAX_SOURCE), value.slice(0, 40));
  if (value.includes("\0")) throw new InputError(caseMessages.nulInSource(), field);
  return value;
}

/** A file name for messages: printable, one line, no folders. */
function fileName(field: string, value: unknown): string {
  if (typeof value !== "string") throw new InputError(caseMessages.notText(field, "a file name"), String(value));
  if (!/^[^\s/\\\p{C}]{1,100}$/u.test(value)) throw new InputError(caseMessages.badFileName(value), value);
  return value;
}

/** A field's value checked against its kind: a Go type parsed, a size, a boolean, or one of its words. */
function readField(f: FieldSpec, value: unknown): unknown {
  if (f.kind === "type") return goType(f.name, value);
  if (f.kind === "size") return size(f.name, value);
  if (f.kind === "sizes") return sizes(f.name, value);
  if (f.kind === "boolean") return bool(f.name, value);
  if (f.kind === "source") return source(f.name, value);
  if (f.kind === "name") return fileName(f.name, value);
  // A literal is checked against its case's type, which only the op's validation knows (objects.ts).
  if (typeof f.kind === "string") return f.kind === "types" ? typeList(f.name, value) : value;
  return oneOf(f.name, value, f.kind);
}

/**
 * Every field of the op read by CASE_SCHEMA: required ones present, each of its kind, and no
 * field the op does not have (that error first, as when it was checked first).
 */
function readFields(op: Op, o: Record<string, unknown>): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  let given = 1; // op
  try {
    for (const f of CASE_SCHEMA[op].fields) {
      const value = o[f.name];
      if (value === undefined) {
        if (f.required) throw new InputError(caseMessages.missingField(op, f.name), f.name);
        continue;
      }
      given++;
      const read = readField(f, value);
      // An explicit default is the same case as an absent field: equal cases serialise equal.
      if (read !== f.default) v[f.name] = read;
    }
  } catch (e) {
    refuseUnknownFields(op, o);
    throw e;
  }
  // Counting the keys is cheap; naming the unknown one is needed only when the count is off.
  if (keyCount(o) !== given) refuseUnknownFields(op, o);
  return v;
}

function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/** An InputError for the first field the op does not have. */
function refuseUnknownFields(op: Op, o: Record<string, unknown>): void {
  for (const k of Object.keys(o)) {
    if (!FIELDS[op].includes(k)) throw new InputError(caseMessages.unknownField(op, k), k);
  }
}

/** Validates an object as a Case; unknown fields and wrong types are errors. */
export function validateCase(obj: unknown, defaultEscape: Escape = "heap"): Case {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    throw new InputError(caseMessages.notObject(), String(obj));
  }
  const o = obj as Record<string, unknown>;
  const fast = o.op === "makeslice" ? readMakeSlice(o, defaultEscape) : o.op === "makemap" ? readMakeMap(o, defaultEscape) : null;
  if (fast) return fast;
  if (!(OPS as readonly string[]).includes(o.op as string)) throw new InputError(caseMessages.unknownOp(o.op, OPS), String(o.op));
  const op = o.op as Op;
  const v = readFields(op, o);
  if (op === "code") return prune({ op, source: v.source as string, name: v.name as string | undefined });
  const escape = (v.escape as Escape | undefined) ?? defaultEscape;
  const len = v.len as number | undefined;
  const cap = v.cap as number | undefined;
  if (len !== undefined && cap !== undefined && len > cap) throw new InputError(caseMessages.lenOverCap(len, cap), String(len));
  if (isStringOp(op)) return prune(buildStringOp(op, v, escape));
  const elem = v.elem as TypeField;
  if (isMapOp(op)) {
    const key = v.key as TypeField;
    checkMapKey(key, elem);
    return buildMapOp(op, v, key.text, elem.text, escape);
  }
  switch (op) {
    case "makemap": {
      const key = v.key as TypeField;
      checkMapKey(key, elem);
      const c = { op, key: key.text, elem: elem.text } as MakeMapCase;
      if (v.hint !== undefined) c.hint = v.hint as number;
      c.escape = escape;
      return c;
    }
    case "makeslice": {
      checkSliceBytes(elem.tree, Math.max(len!, cap ?? 0), () => `make([]${elem.text}, ${len}${cap === undefined ? "" : `, ${cap}`})`);
      const c = { op, elem: elem.text, len: len! } as MakeSliceCase;
      if (cap !== undefined) c.cap = cap;
      if (v.constSize !== undefined) c.constSize = v.constSize as boolean;
      c.escape = escape;
      return c;
    }
    case "append": {
      const start = v.start as "nil" | "make";
      if (start === "nil" && (len !== undefined || cap !== undefined)) throw new InputError(caseMessages.capWithoutMake(), start);
      const n = v.n as number;
      checkSliceBytes(elem.tree, Math.max((len ?? 0) + n, cap ?? 0), () => `${n} appends to []${elem.text}`);
      return prune({ op, elem: elem.text, n, start, len: start === "make" ? (len ?? 0) : undefined, cap, escape });
    }
    case "mapinsert": {
      const key = v.key as TypeField;
      checkMapKey(key, elem);
      const freshElem = v.freshElem as boolean | undefined;
      if (freshElem && elem.tree.kind !== "pointer") throw new InputError(caseMessages.freshElemNeedsPointer(elem.text), elem.text);
      return prune({ op, key: key.text, elem: elem.text, n: v.n as number, hint: v.hint as number | undefined, freshElem, escape });
    }
    default:
      return validateObjectCase(op as ObjectOp, v, escape);
  }
}

/**
 * The make cases, read by the million (`golab predict --from`), without readFields' general
 * walk: only a valid case whose types were read before is read here, into the very case
 * validateCase builds; anything else returns null, and the general path reads it (and names
 * what is wrong, in its own order).
 */
function readMakeSlice(o: Record<string, unknown>, defaultEscape: Escape): MakeSliceCase | null {
  const { len, cap, constSize, escape } = o;
  const elem = typeof o.elem === "string" ? typeFields.get(o.elem) : undefined;
  if (elem === undefined || elem.size === null || !isSize(len)) return null;
  let given = 3; // op, elem, len
  if (cap !== undefined) {
    if (!isSize(cap) || len > cap) return null;
    given++;
  }
  if (constSize !== undefined) {
    if (typeof constSize !== "boolean") return null;
    given++;
  }
  if (escape !== undefined) {
    if (!isEscape(escape)) return null;
    given++;
  }
  if (keyCount(o) !== given) return null;
  if (elem.size * Math.max(len, cap === undefined ? 0 : (cap as number)) > MAX_TYPE_SIZE) return null;
  const c = { op: "makeslice", elem: elem.text, len: len + 0 } as MakeSliceCase;
  if (cap !== undefined) c.cap = (cap as number) + 0;
  // An explicit constSize: true is the default, dropped as readFields drops it.
  if (constSize === false) c.constSize = false;
  c.escape = (escape as Escape | undefined) ?? defaultEscape;
  return c;
}

/** readMakeSlice's twin for make(map[K]V[, hint]). */
function readMakeMap(o: Record<string, unknown>, defaultEscape: Escape): MakeMapCase | null {
  const { hint, escape } = o;
  const key = typeof o.key === "string" ? typeFields.get(o.key) : undefined;
  const elem = typeof o.elem === "string" ? typeFields.get(o.elem) : undefined;
  if (key === undefined || elem === undefined || !key.comparable) return null;
  let given = 3; // op, key, elem
  if (hint !== undefined) {
    if (!isSize(hint)) return null;
    given++;
  }
  if (escape !== undefined) {
    if (!isEscape(escape)) return null;
    given++;
  }
  if (keyCount(o) !== given) return null;
  const c = { op: "makemap", key: key.text, elem: elem.text } as MakeMapCase;
  if (hint !== undefined) c.hint = hint + 0;
  c.escape = (escape as Escape | undefined) ?? defaultEscape;
  return c;
}

/** What `size` accepts. */
function isSize(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isEscape(value: unknown): value is Escape {
  return value === "heap" || value === "stack" || value === "discard";
}

/**
 * Go refuses a slice whose backing array exceeds runtime.maxAlloc (1<<48 on linux/amd64;
 * runtime/malloc.go): makeslice and growslice panic. A case that asks for one is refused here.
 */
function checkSliceBytes(elem: GoType, elements: number, what: string | (() => string)): void {
  const bytes = layoutOf(elem)!.size * elements;
  if (bytes <= MAX_TYPE_SIZE) return;
  // The call's spelling is built only for the message (building it for every case was slow).
  const text = typeof what === "string" ? what : what();
  throw new InputError(caseMessages.beyondMaxAlloc(text, bytes), text);
}

/**
 * Drops undefined fields so that equal cases serialise to equal JSON. (The make cases, read by
 * the million, are built field by field instead: a copy through Object.keys cost more than the
 * rest of their reading.)
 */
function prune<T extends object>(c: T): T {
  // A new object rather than `delete`, which leaves V8's objects slow to read and to serialise.
  const out: Partial<T> = {};
  for (const k of Object.keys(c) as (keyof T)[]) if (c[k] !== undefined) out[k] = c[k];
  return out as T;
}
