/**
 * The object operations: `new(T)` and `&T{}`, `make(chan T, cap)`, `any(x)` and closures. Their
 * Case types, fields (CASE_SCHEMA takes them from here), validation and short forms as
 * describeCase writes them. Each op's model is in ../sim/ (new.ts, chan.ts, box.ts, closure.ts).
 */
import { InputError } from "../errors";
import { objectMessages } from "../messages";
import { GoType, layoutOf, parseGoType } from "../types";
import { BoxValue, checkBoxValue, describeBox } from "./box-value";
import type { Escape, FieldSpec, OpSpec } from "./case";

/** Most calls one `new` case makes (`[N times]`): enough for the tiny allocator's blocks to show. */
export const MAX_NEW_CALLS = 1_000_000;
/** Largest object a `new` case allocates per call (its calls together stay under the probe's memory cap). */
export const MAX_NEW_BYTES = 64 << 20;

/**
 * `new(T)`, or `&T{}` with `literal`, made `n` times (default 1), each result stored in a typed
 * package-level variable (escape heap), kept in the function (stack) or discarded.
 */
export interface NewCase {
  op: "new";
  type: string;
  n?: number;
  literal?: boolean;
  escape: Escape;
}

/** `make(chan T)` (no cap) or `make(chan T, cap)`. */
export interface MakeChanCase {
  op: "makechan";
  elem: string;
  cap?: number;
  escape: Escape;
}

/** `any(x)` with x a variable of type T holding `value` (absent: T's zero value). */
export interface BoxCase {
  op: "box";
  type: string;
  value?: BoxValue;
  escape: Escape;
}

/**
 * A func literal that reads variables of the `captures` types declared just before it (`c0 :=
 * …`); `reassigned`: each is assigned again after the closure is made, so it is captured by
 * reference.
 */
export interface ClosureCase {
  op: "closure";
  captures: string[];
  reassigned?: boolean;
  escape: Escape;
}

/** The object ops. */
export const OBJECT_OPS = ["new", "makechan", "box", "closure"] as const;
export type ObjectOp = (typeof OBJECT_OPS)[number];
export type ObjectCase = NewCase | MakeChanCase | BoxCase | ClosureCase;

/** Most variables a closure case captures. */
export const MAX_CAPTURES = 8;
/** Largest captured variable: a variable under 64 KiB stays in the frame when nothing makes it escape, on every modelled version. */
export const MAX_CAPTURE_BYTES = 64 * 1024;

/**
 * The compiler refuses a channel element of 64 KiB or more ("channel element type too large
 * (>64kB)", cmd/compile/internal/types2; runtime/chan.go makechan throws on `elem.Size_ >= 1<<16`).
 */
export const MAX_CHAN_ELEM = (1 << 16) - 1;
/** The most buffer bytes a makechan case asks for (the probe's memory cap would stop more). */
export const MAX_CHAN_BUFFER = 1 << 30;

/** The object ops and their fields, after "op", in the order they are written out; `escape` is case.ts's. */
export function objectSchema(escape: FieldSpec): Record<ObjectOp, OpSpec> {
  return {
  new: {
    go: "new(T) or &T{}, n times (each result stored)",
    fields: [
      field("type", "type", true, "T"),
      field("n", "size", false, "calls, one after another (default 1)"),
      field("literal", "boolean", false, "true: written &T{} (T a struct, array, slice or map type)", false),
      escape,
    ],
  },
  makechan: {
    go: "make(chan T) or make(chan T, cap)",
    fields: [field("elem", "type", true, "T"), field("cap", "size", false, "the buffer's size in elements (none: make(chan T))"), escape],
  },
  box: {
    go: "any(x), x a variable of type T (not an interface) holding value",
    fields: [
      field("type", "type", true, "T"),
      field("value", "literal", false, "x's value, for a basic T: a number, true or false, or a string (default: T's zero value)"),
      escape,
    ],
  },
  closure: {
    go: "func() { … } reading variables of the captured types, declared just before it",
    fields: [
      field("captures", "types", true, "the captured variables' types, in order ([] for none)"),
      field("reassigned", "boolean", false, "true: each variable is assigned again after the closure is made (captured by reference)", false),
      escape,
    ],
  },
  };
}

function field(name: string, kind: FieldSpec["kind"], required: boolean, about: string, fallback?: boolean): FieldSpec {
  return { name, kind, required, about, ...(fallback === undefined ? {} : { default: fallback }) };
}

/** A field as parse.ts read it: a Go type's canonical text with its tree, or the plain value. */
export type ReadValues = Record<string, unknown>;
type TypeField = { text: string; tree: GoType };

/** Composite literals exist for these kinds only (`&int{}` is not Go). */
const LITERAL_KINDS = new Set(["struct", "array", "slice", "map"]);

/** The object case from its read fields; refuses what Go would not compile or the lab cannot run. */
export function validateObjectCase(op: ObjectOp, v: ReadValues, escape: Escape): ObjectCase {
  switch (op) {
    case "new": {
      const type = v.type as TypeField;
      const n = v.n as number | undefined;
      const literal = v.literal as boolean | undefined;
      if (literal && !LITERAL_KINDS.has(type.tree.kind)) throw new InputError(objectMessages.noLiteral(type.text), type.text);
      if (n === 0 || (n !== undefined && n > MAX_NEW_CALLS)) throw new InputError(objectMessages.newCalls(n, MAX_NEW_CALLS), String(n));
      const size = layoutOf(type.tree)!.size;
      if (size > MAX_NEW_BYTES) throw new InputError(objectMessages.newTooLarge(type.text, size, MAX_NEW_BYTES), type.text);
      // n = 1 is the same case as no n.
      return { op, type: type.text, ...(n === undefined || n === 1 ? {} : { n }), ...(literal ? { literal } : {}), escape };
    }
    case "makechan": {
      const elem = v.elem as TypeField;
      const cap = v.cap as number | undefined;
      const size = layoutOf(elem.tree)!.size;
      if (size > MAX_CHAN_ELEM) throw new InputError(objectMessages.chanElemTooLarge(elem.text, size), elem.text);
      if (size * (cap ?? 0) > MAX_CHAN_BUFFER) throw new InputError(objectMessages.chanBufferTooLarge(elem.text, cap!, size * cap!, MAX_CHAN_BUFFER), String(cap));
      return { op, elem: elem.text, ...(cap === undefined ? {} : { cap }), escape };
    }
    case "box": {
      const type = v.type as TypeField;
      if (type.tree.kind === "any") throw new InputError(objectMessages.boxOfInterface(type.text), type.text);
      const value = checkBoxValue(type.tree, type.text, v.value);
      return { op, type: type.text, ...(value === undefined ? {} : { value }), escape };
    }
    case "closure": {
      const captures = v.captures as TypeField[];
      if (captures.length > MAX_CAPTURES) throw new InputError(objectMessages.tooManyCaptures(captures.length, MAX_CAPTURES), String(captures.length));
      for (const t of captures) {
        const size = layoutOf(t.tree)!.size;
        if (size > MAX_CAPTURE_BYTES) throw new InputError(objectMessages.captureTooLarge(t.text, size, MAX_CAPTURE_BYTES), t.text);
      }
      return { op, captures: captures.map((t) => t.text), ...(v.reassigned ? { reassigned: true } : {}), escape };
    }
  }
}

/** The Go call a case stands for, as its short form writes it (without `_ =` and flags). */
export function describeObjectCall(c: ObjectCase): string {
  switch (c.op) {
    case "new":
      return c.literal ? `&${c.type}{}` : `new(${c.type})`;
    case "makechan":
      return `make(chan ${c.elem}${c.cap === undefined ? "" : `, ${c.cap}`})`;
    case "box":
      return describeBox(parseGoType(c.type), c.value);
    case "closure":
      return `closure(${c.captures.join(", ")})`;
  }
}

/** The flags in brackets an object case's short form carries. */
export function objectFlags(c: ObjectCase): string[] {
  switch (c.op) {
    case "new":
      return c.n === undefined ? [] : [`${c.n} times`];
    case "closure":
      return c.reassigned ? ["reassigned"] : [];
    default:
      return [];
  }
}
