/**
 * parseCase: the one door through which a case enters the lab, from JSON text, an object, or the
 * short form `make(map[int]int, 1000)` / `make([]int, 0, 1000)` (optionally `_ = make(...)`).
 * It validates every field and returns a Case whose types are re-spelled from their parse trees.
 */
import { InputError } from "../errors";
import { caseMessages, typeMessages } from "../messages";
import { parseGoType, renderType, GoType, isComparable, layoutOf, MAX_TYPE_SIZE } from "../types";
import { Case, ESCAPES, Escape, FIELDS, OPS, Op } from "./case";

const MAX_TEXT = 4000;

/** Options that apply to a short form, which has no room for them. */
export interface ParseOptions {
  /** Escape for short forms and for JSON cases that omit it. Default `heap`. */
  escape?: Escape;
}

/** Parses a case from text (JSON or short form) or from an already-parsed object. */
export function parseCase(input: unknown, { escape = "heap" }: ParseOptions = {}): Case {
  oneOf("escape", escape, ESCAPES);
  if (typeof input === "string") {
    const text = input.trim();
    if (text.length > MAX_TEXT) throw new InputError(caseMessages.tooLong(text.length), text.slice(0, 40));
    if (text.startsWith("{")) {
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        throw new InputError(caseMessages.badJson((e as Error).message), text);
      }
      return validateCase(obj, escape);
    }
    return parseShortForm(text, escape);
  }
  return validateCase(input, escape);
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(caseMessages.badEnum(field, value, allowed), String(value));
}

function size(field: string, value: unknown): number {
  // `+ 0` turns -0 (JSON allows it) into 0, so equal cases stay equal.
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value + 0;
  throw new InputError(caseMessages.badSize(field, value), String(value));
}

function optionalSize(field: string, value: unknown): number | undefined {
  return value === undefined ? undefined : size(field, value);
}

function goType(field: string, value: unknown): { text: string; tree: GoType } {
  if (typeof value !== "string") throw new InputError(caseMessages.notString(field), String(value));
  const tree = parseGoType(value);
  return { text: renderType(tree), tree };
}

/** A map's key must be comparable; parseGoType checks that only when it sees the whole map type. */
function checkMapKey(key: { text: string; tree: GoType }, elem: { text: string }): void {
  if (!isComparable(key.tree)) {
    throw new InputError(typeMessages.notComparable(`map[${key.text}]${elem.text}`, key.text), key.text);
  }
}

function bool(field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new InputError(caseMessages.badEnum(field, value, ["true", "false"]), String(value));
}

/** Validates an object as a Case; unknown fields and wrong types are errors. */
export function validateCase(obj: unknown, defaultEscape: Escape = "heap"): Case {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    throw new InputError(caseMessages.notObject(), String(obj));
  }
  const o = obj as Record<string, unknown>;
  if (!(OPS as readonly string[]).includes(o.op as string)) throw new InputError(caseMessages.unknownOp(o.op), String(o.op));
  const op = o.op as Op;
  for (const k of Object.keys(o)) {
    if (!FIELDS[op].includes(k)) throw new InputError(caseMessages.unknownField(op, k), k);
  }
  const need = (field: string) => {
    if (o[field] === undefined) throw new InputError(caseMessages.missingField(op, field), field);
    return o[field];
  };
  const escape = o.escape === undefined ? defaultEscape : oneOf("escape", o.escape, ESCAPES);
  switch (op) {
    case "makemap": {
      const key = goType("key", need("key"));
      const elem = goType("elem", need("elem"));
      checkMapKey(key, elem);
      return prune({ op, key: key.text, elem: elem.text, hint: optionalSize("hint", o.hint), escape });
    }
    case "makeslice": {
      const len = size("len", need("len"));
      const cap = optionalSize("cap", o.cap);
      if (cap !== undefined && len > cap) throw new InputError(caseMessages.lenOverCap(len, cap), String(len));
      const elem = goType("elem", need("elem"));
      checkSliceBytes(elem.tree, Math.max(len, cap ?? 0), `make([]${elem.text}, ${len}${cap === undefined ? "" : `, ${cap}`})`);
      return prune({ op, elem: elem.text, len, cap, constSize: bool("constSize", o.constSize), escape });
    }
    case "append": {
      const start = oneOf("start", need("start"), ["nil", "make"] as const);
      const len = optionalSize("len", o.len);
      const cap = optionalSize("cap", o.cap);
      if (start === "nil" && (len !== undefined || cap !== undefined)) throw new InputError(caseMessages.capWithoutMake(), start);
      if (len !== undefined && cap !== undefined && len > cap) throw new InputError(caseMessages.lenOverCap(len, cap), String(len));
      const elem = goType("elem", need("elem"));
      const n = size("n", need("n"));
      checkSliceBytes(elem.tree, Math.max((len ?? 0) + n, cap ?? 0), `${n} appends to []${elem.text}`);
      return prune({ op, elem: elem.text, n, start, len: start === "make" ? (len ?? 0) : undefined, cap, escape });
    }
    case "mapinsert": {
      const elem = goType("elem", need("elem"));
      const key = goType("key", need("key"));
      checkMapKey(key, elem);
      const freshElem = bool("freshElem", o.freshElem);
      if (freshElem && elem.tree.kind !== "pointer") throw new InputError(caseMessages.freshElemNeedsPointer(elem.text), elem.text);
      return prune({
        op, key: key.text, elem: elem.text, n: size("n", need("n")),
        hint: optionalSize("hint", o.hint), freshElem, escape,
      });
    }
  }
}

/**
 * Go refuses a slice whose backing array exceeds runtime.maxAlloc (1<<48 on linux/amd64;
 * runtime/malloc.go): makeslice and growslice panic. A case that asks for one is refused here.
 */
function checkSliceBytes(elem: GoType, elements: number, what: string): void {
  const bytes = layoutOf(elem)!.size * elements;
  if (bytes > MAX_TYPE_SIZE) throw new InputError(caseMessages.beyondMaxAlloc(what, bytes), what);
}

/** Drops undefined fields so that equal cases serialise to equal JSON. */
function prune<T extends object>(c: T): T {
  // A new object rather than `delete`, which leaves V8's objects slow to read and to serialise.
  const out: Partial<T> = {};
  for (const k of Object.keys(c) as (keyof T)[]) if (c[k] !== undefined) out[k] = c[k];
  return out as T;
}

/**
 * The short form: `make(T, args)` with T a map or slice type, integer literal arguments, and an
 * optional `_ = ` in front that selects the article's discarding program.
 */
function parseShortForm(text: string, defaultEscape: Escape): Case {
  let body = text;
  let escape = defaultEscape;
  const discard = /^_\s*=\s*/.exec(body);
  if (discard) {
    body = body.slice(discard[0].length);
    escape = "discard";
  }
  const m = /^make\s*\(([\s\S]*)\)$/.exec(body);
  if (!m) throw new InputError(caseMessages.shortForm(text), text);
  const parts = splitTopLevel(m[1]);
  if (parts.length < 1 || parts.length > 3) throw new InputError(caseMessages.shortFormArgs(text), text);
  const type = parseGoType(parts[0].trim());
  const argNames = type.kind === "map" ? ["hint"] : ["len", "cap"];
  const nums = parts.slice(1).map((p, i) => intLiteral(argNames[i] ?? "size", p.trim(), text));
  if (type.kind === "map") {
    if (nums.length > 1) throw new InputError(caseMessages.shortFormArgs(text), text);
    return validateCase({ op: "makemap", key: renderType(type.key), elem: renderType(type.elem), hint: nums[0], escape });
  }
  if (type.kind === "slice") {
    if (nums.length < 1) throw new InputError(caseMessages.shortFormArgs(text), text);
    return validateCase({ op: "makeslice", elem: renderType(type.elem), len: nums[0], cap: nums[1], escape });
  }
  throw new InputError(caseMessages.notMapType(parts[0].trim()), text);
}

function intLiteral(name: string, s: string, text: string): number {
  const clean = s.replace(/_/g, "");
  // Decimal only: Go reads a leading 0 as octal (010 is 8), so that is refused.
  if (!/^(0|[1-9][0-9]*)$/.test(clean) || /^_|_$|__/.test(s)) throw new InputError(caseMessages.badSize(name, s), text);
  return size(name, Number(clean));
}

/** Splits on commas that are not inside brackets or braces (struct types contain none at top). */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "[" || c === "{" || c === "(") depth++;
    else if (c === "]" || c === "}" || c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
