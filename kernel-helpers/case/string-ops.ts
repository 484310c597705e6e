/**
 * The string and growth operations: string concatenation (`a + b`, `s += x` in a loop), the
 * conversions `[]byte(s)`, `string(b)`, `[]rune(s)`, `append(s, t...)`, `slices.Grow`, and the
 * growth of `strings.Builder` and `bytes.Buffer`. Their Case types, their fields (registered in
 * CASE_SCHEMA, case.ts), how each is built from its validated fields, and its short form.
 * Every string and slice the probe reads is made at run time from these sizes: no text a user
 * typed reaches Go source.
 */
import { InputError } from "../errors";
import { caseMessages, stringOpMessages } from "../messages";
import { GoType, layoutOf } from "../types";
import type { Escape, FieldKind, FieldSpec, OpSpec } from "./case";

/** `a + b (+ c …)`: strings of these byte lengths, made at run time, concatenated once. */
export interface ConcatCase {
  op: "concat";
  lens: number[];
  escape: Escape;
}

/** `var s string; for i := 0; i < n; i++ { s += x }` with x a string of `len` bytes. */
export interface ConcatLoopCase {
  op: "concatloop";
  len: number;
  n: number;
  escape: Escape;
}

/** What a conversion makes: `[]byte(s)`, `string(b)` or `[]rune(s)`. */
export const CONVERSIONS = ["bytes", "string", "runes"] as const;
export type Conversion = (typeof CONVERSIONS)[number];

/** A conversion of a string (or, to string, a []byte) of `len` ASCII bytes. */
export interface ConvertCase {
  op: "convert";
  to: Conversion;
  len: number;
  escape: Escape;
}

/** `s = append(s, t...)` once, with t a []T of `add` elements; s starts nil or as make([]T, len, cap). */
export interface AppendSliceCase {
  op: "appendslice";
  elem: string;
  add: number;
  start: "nil" | "make";
  len?: number;
  cap?: number;
  escape: Escape;
}

/** `s = slices.Grow(s, grow)` once; s starts nil or as make([]T, len, cap). Go 1.21 and later. */
export interface SlicesGrowCase {
  op: "slicesgrow";
  elem: string;
  grow: number;
  start: "nil" | "make";
  len?: number;
  cap?: number;
  escape: Escape;
}

/** `var b strings.Builder; [b.Grow(grow)]; n × b.WriteString(x)` with x of `len` bytes. */
export interface BuilderCase {
  op: "builder";
  len: number;
  n: number;
  grow?: number;
  escape: Escape;
}

/** `var b bytes.Buffer; [b.Grow(grow)]; n × b.WriteString(x)` with x of `len` bytes. */
export interface BufferCase {
  op: "buffer";
  len: number;
  n: number;
  grow?: number;
  escape: Escape;
}

export type StringOpCase = ConcatCase | ConcatLoopCase | ConvertCase | AppendSliceCase | SlicesGrowCase | BuilderCase | BufferCase;

/** The ops of this file, in the order --help lists them. */
export const STRING_OPS = ["concat", "concatloop", "convert", "appendslice", "slicesgrow", "builder", "buffer"] as const;
export type StringOp = (typeof STRING_OPS)[number];

/** Most strings one concatenation joins (the runtime's concatstring2..5 and then concatstrings take any). */
export const MAX_CONCAT_PARTS = 16;
/** Largest string or slice these cases make, in bytes or elements: 1 GiB keeps a run in the memory cap. */
export const MAX_STRING_LEN = 1 << 30;

const need = (name: string, kind: FieldKind, about: string): FieldSpec => ({ name, kind, required: true, about });
const may = (name: string, kind: FieldKind, about: string): FieldSpec => ({ name, kind, required: false, about });
const ESCAPE = may("escape", ["heap", "stack", "discard"], "heap (default): stored in a package variable; stack: only its length is used; discard: _ =");
const START = [
  need("start", ["nil", "make"], "nil: var s []T; make: make([]T, len, cap)"),
  may("len", "size", "with start make (default 0)"), may("cap", "size", "with start make"),
];

/** The fields of each op (registered in case.ts CASE_SCHEMA). */
export const STRING_OP_SCHEMA: Record<StringOp, OpSpec> = {
  concat: {
    go: "a + b (+ c …): strings of these lengths, made at run time",
    fields: [need("lens", "sizes", `the byte lengths of the strings joined (2 to ${MAX_CONCAT_PARTS})`), ESCAPE],
  },
  concatloop: {
    go: "var s string; then n times s += x, x a string of len bytes",
    fields: [need("len", "size", "bytes added each time"), need("n", "size", "times s += x runs"), ESCAPE],
  },
  convert: {
    go: "[]byte(s), string(b) or []rune(s) of len ASCII bytes",
    fields: [need("to", CONVERSIONS, "bytes: []byte(s); string: string(b); runes: []rune(s)"), need("len", "size", "bytes in the string or []byte converted"), ESCAPE],
  },
  appendslice: {
    go: "s = append(s, t...) once, t a []T of add elements",
    fields: [need("elem", "type", "T"), need("add", "size", "elements appended at once"), ...START, ESCAPE],
  },
  slicesgrow: {
    go: "s = slices.Grow(s, grow) once (Go 1.21 and later)",
    fields: [need("elem", "type", "T"), need("grow", "size", "room asked for beyond len"), ...START, ESCAPE],
  },
  builder: {
    go: "var b strings.Builder; [b.Grow(grow)]; n times b.WriteString(x), x of len bytes",
    fields: [need("len", "size", "bytes each write adds"), need("n", "size", "writes"), may("grow", "size", "b.Grow(grow) before the writes"), ESCAPE],
  },
  buffer: {
    go: "var b bytes.Buffer; [b.Grow(grow)]; n times b.WriteString(x), x of len bytes",
    fields: [need("len", "size", "bytes each write adds"), need("n", "size", "writes"), may("grow", "size", "b.Grow(grow) before the writes"), ESCAPE],
  },
};

/** True for the ops of this file. */
export function isStringOp(op: string): op is StringOp {
  return (STRING_OPS as readonly string[]).includes(op);
}

function limit(field: string, value: number): number {
  if (value > MAX_STRING_LEN) throw new InputError(stringOpMessages.tooLarge(field, value, MAX_STRING_LEN), String(value));
  return value;
}

/**
 * The case of a string op from its fields, each already read by its kind (parse.ts readFields);
 * fields left undefined are dropped by the caller (parse.ts prune).
 */
export function buildStringOp(op: StringOp, v: Record<string, unknown>, escape: Escape): StringOpCase {
  const size = (name: string) => (v[name] === undefined ? undefined : limit(name, v[name] as number));
  switch (op) {
    case "concat": {
      const lens = v.lens as number[];
      if (lens.length < 2 || lens.length > MAX_CONCAT_PARTS) throw new InputError(stringOpMessages.concatParts(lens.length, MAX_CONCAT_PARTS), String(lens.length));
      lens.forEach((n, i) => limit(`lens[${i}]`, n));
      return { op, lens, escape };
    }
    case "concatloop":
      limit("len × n", (v.len as number) * (v.n as number));
      return { op, len: v.len as number, n: v.n as number, escape };
    case "convert":
      return { op, to: v.to as Conversion, len: size("len")!, escape };
    case "appendslice":
    case "slicesgrow": {
      const { text: elem, tree } = v.elem as { text: string; tree: GoType };
      const start = v.start as "nil" | "make";
      if (start === "nil" && (v.len !== undefined || v.cap !== undefined)) throw new InputError(caseMessages.capWithoutMake(), start);
      const len = start === "make" ? (size("len") ?? 0) : undefined;
      const cap = size("cap");
      const more = op === "appendslice" ? { add: size("add")! } : { grow: size("grow")! };
      const elements = Math.max((len ?? 0) + (op === "appendslice" ? (v.add as number) : (v.grow as number)), cap ?? 0);
      limit("the grown slice's bytes", elements * Math.max(1, layoutOf(tree)!.size));
      return { op, elem, ...more, start, len, cap, escape } as StringOpCase;
    }
    case "builder":
    case "buffer":
      limit("len × n", (v.len as number) * (v.n as number));
      return { op, len: v.len as number, n: v.n as number, grow: size("grow"), escape };
  }
}

const startText = (elem: string, start: "nil" | "make", len?: number, cap?: number) =>
  start === "nil" ? `[]${elem}` : `make([]${elem}, ${len ?? 0}${cap === undefined ? "" : `, ${cap}`})`;

const CONVERSION_TEXT: Record<Conversion, (len: number) => string> = {
  bytes: (len) => `[]byte(${len}-byte string)`,
  string: (len) => `string(${len}-byte []byte)`,
  runes: (len) => `[]rune(${len}-byte string)`,
};

/** The call of a string op's short form (describeCase adds `_ = ` and the flags). */
export function stringOpCall(c: StringOpCase): string {
  switch (c.op) {
    case "concat":
      return `concat(${c.lens.join(", ")})`;
    case "concatloop":
      return `concatloop(${c.len}, ${c.n})`;
    case "convert":
      return CONVERSION_TEXT[c.to](c.len);
    case "appendslice":
      return `append(${startText(c.elem, c.start, c.len, c.cap)}, ${c.add}...)`;
    case "slicesgrow":
      return `slices.Grow(${startText(c.elem, c.start, c.len, c.cap)}, ${c.grow})`;
    case "builder":
    case "buffer":
      return `${c.op === "builder" ? "strings.Builder" : "bytes.Buffer"}(${c.len}, ${c.n}${c.grow === undefined ? "" : `, ${c.grow}`})`;
  }
}
