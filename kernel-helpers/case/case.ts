/**
 * The Case: one input for every backend (../../ARCHITECTURE.md in shared/). Plain JSON, so it
 * travels unchanged between the CLI, notebooks, datasets and tests. Key and element types are Go
 * type expressions in their canonical spelling, produced by parseCase: a Case that came through
 * parseCase is safe to write into Go source.
 */
import { describeObjectCall, OBJECT_OPS, ObjectCase, objectFlags, objectSchema } from "./objects";
import { isMapOp, MAP_OP_SCHEMA, MAP_OPS, MapOpCase, mapOpCall } from "./map-ops";
import { isStringOp, STRING_OP_SCHEMA, STRING_OPS, StringOpCase, stringOpCall } from "./string-ops";
export type { BoxCase, ClosureCase, MakeChanCase, NewCase, ObjectCase, ObjectOp } from "./objects";
export { OBJECT_OPS };

/**
 * Where the result goes: `heap` stores it in a typed package-level variable, `stack` keeps it in
 * the probe function, `discard` writes `_ = make(...)` as the article's program does.
 */
export const ESCAPES = ["heap", "stack", "discard"] as const;
export type Escape = (typeof ESCAPES)[number];

/** The operations the simulator models and the short forms write. */
export const OPERATIONS = ["makemap", "makeslice", "append", "mapinsert", ...OBJECT_OPS, ...STRING_OPS, ...MAP_OPS] as const;
/** Every op: the operations, and `code` (the user's own Go). */
export const OPS = [...OPERATIONS, "code"] as const;
export type Op = (typeof OPS)[number];

/** `make(map[K]V)` or `make(map[K]V, hint)` */
export interface MakeMapCase {
  op: "makemap";
  key: string;
  elem: string;
  hint?: number;
  escape: Escape;
}

/** `make([]T, len, cap)`; `constSize: false` makes the sizes variables the compiler cannot see. */
export interface MakeSliceCase {
  op: "makeslice";
  elem: string;
  len: number;
  cap?: number;
  constSize?: boolean;
  escape: Escape;
}

/** Start from `var s []T` or `make([]T, len, cap)`, then `n` single appends. */
export interface AppendCase {
  op: "append";
  elem: string;
  n: number;
  start: "nil" | "make";
  len?: number;
  cap?: number;
  escape: Escape;
}

/** `make(map[K]V[, hint])`, then insert keys 0..n-1; `freshElem` stores a new pointer each time. */
export interface MapInsertCase {
  op: "mapinsert";
  key: string;
  elem: string;
  n: number;
  hint?: number;
  freshElem?: boolean;
  escape: Escape;
}

/**
 * The user's own Go: package-level declarations, standard-library imports and a `func probe()`
 * whose call is measured (no package clause, no main). It is compiled as its own file and
 * package in the probe program (../code/), never spliced into generated lines. `name` is the
 * file name shown in messages, tables and stacks; it never reaches Go source.
 */
export interface CodeCase {
  op: "code";
  source: string;
  name?: string;
}

/** The operations the simulator models; a code case is only measured or traced. */
export type OperationCase = MakeMapCase | MakeSliceCase | AppendCase | MapInsertCase | ObjectCase | StringOpCase | MapOpCase;

export type Case = OperationCase | CodeCase;

/** True for the cases the simulator and the short forms know (every op but code). */
export function isOperation(c: Case): c is OperationCase {
  return c.op !== "code";
}

/** What a field holds: a Go type expression (or a list of them), a whole number (or a list of them), a boolean, a Go value (literal), or one of some words. */
export type FieldKind = "type" | "types" | "size" | "sizes" | "boolean" | "source" | "name" | "literal" | readonly string[];

/** One JSON field of a case: the parser reads it by this description, and --help prints it. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** A case without it is refused; optional fields may be left out. */
  required: boolean;
  /** What it means, in a few words. */
  about: string;
  /** The value an absent field means. A case given it explicitly is the same case, and drops it. */
  default?: boolean;
}

/** One op: the Go it stands for and its fields (after "op"), in the order they are written out. */
export interface OpSpec {
  go: string;
  fields: readonly FieldSpec[];
}

const need = (name: string, kind: FieldKind, about: string): FieldSpec => ({ name, kind, required: true, about });
const may = (name: string, kind: FieldKind, about: string, fallback?: boolean): FieldSpec =>
  ({ name, kind, required: false, about, ...(fallback === undefined ? {} : { default: fallback }) });
const ESCAPE_FIELD = may("escape", ESCAPES, "heap (default): stored in a package variable; stack: stays in the function; discard: _ =");

/**
 * Every op and its fields: the one list the parser checks a case against (parse.ts), the
 * canonical key is written from (FIELDS), and `golab … --help` prints.
 */
export const CASE_SCHEMA: Record<Op, OpSpec> = {
  makemap: {
    go: "make(map[K]V) or make(map[K]V, hint)",
    fields: [need("key", "type", "K"), need("elem", "type", "V"), may("hint", "size", "the size hint"), ESCAPE_FIELD],
  },
  makeslice: {
    go: "make([]T, len) or make([]T, len, cap)",
    fields: [
      need("elem", "type", "T"), need("len", "size", "len"), may("cap", "size", "cap (at least len)"),
      may("constSize", "boolean", "false: len and cap are variables the compiler cannot see", true), ESCAPE_FIELD,
    ],
  },
  append: {
    go: "var s []T, or s := make([]T, len, cap); then n times s = append(s, v)",
    fields: [
      need("elem", "type", "T"), need("n", "size", "single appends"), need("start", ["nil", "make"], "nil: var s []T; make: make([]T, len, cap)"),
      may("len", "size", "with start make (default 0)"), may("cap", "size", "with start make"), ESCAPE_FIELD,
    ],
  },
  code: {
    go: "your own Go: declarations, standard imports and func probe(), whose call is measured",
    fields: [
      need("source", "source", "Go declarations without a package clause or main; func probe() is called"),
      may("name", "name", "the file name messages and stacks show (default code.go)"),
    ],
  },
  mapinsert: {
    go: "m := make(map[K]V[, hint]); then m[k] = v for the keys 0..n-1",
    fields: [
      need("key", "type", "K"), need("elem", "type", "V"), need("n", "size", "inserts of distinct keys"), may("hint", "size", "make's size hint"),
      may("freshElem", "boolean", "true: each insert stores new(T) (V must be *T)", false), ESCAPE_FIELD,
    ],
  },
  ...objectSchema(ESCAPE_FIELD),
  ...STRING_OP_SCHEMA,
  ...MAP_OP_SCHEMA,
};

/** The fields each op accepts, in the order they are written out. */
export const FIELDS: Record<Op, readonly string[]> = Object.fromEntries(
  OPS.map((op) => [op, ["op", ...CASE_SCHEMA[op].fields.map((f) => f.name)]]),
) as unknown as Record<Op, readonly string[]>;

/** The file name a code case shows when it was given none. */
export const DEFAULT_CODE_NAME = "code.go";

const hintArg = (hint: number | undefined) => (hint === undefined ? "" : `, ${hint}`);
const sliceArgs = (len: number, cap: number | undefined) => (cap === undefined ? `${len}` : `${len}, ${cap}`);

/** The flags a short form carries in brackets after the call, as parse reads them back. */
function flags(c: OperationCase): string {
  const out = [
    ...(c.op === "makeslice" && c.constSize === false ? ["variable size"] : []),
    ...(c.op === "mapinsert" && c.freshElem ? ["new value each"] : []),
    ...((OBJECT_OPS as readonly string[]).includes(c.op) ? objectFlags(c as ObjectCase) : []),
    ...(c.escape === "stack" ? ["stack"] : []),
  ];
  return out.length === 0 ? "" : ` [${out.join(", ")}]`;
}

/**
 * The case as its short form, which parseCase reads back to the same case (with --escape heap):
 * `make(map[int]int, 1000)`, `_ = make([]int, 0, 8)`, `append([]int, 1000)`,
 * `insert(make(map[int]*int, 64), 1000) [new value each, stack]`.
 */
export function describeCase(c: Case): string {
  if (c.op === "code") return `code ${c.name ?? DEFAULT_CODE_NAME}`;
  const discard = c.escape === "discard" ? "_ = " : "";
  return `${discard}${call(c)}${flags(c)}`;
}

function call(c: OperationCase): string {
  switch (c.op) {
    case "makemap":
      return `make(map[${c.key}]${c.elem}${hintArg(c.hint)})`;
    case "makeslice":
      return `make([]${c.elem}, ${sliceArgs(c.len, c.cap)})`;
    case "append":
      return `append(${c.start === "nil" ? `[]${c.elem}` : `make([]${c.elem}, ${sliceArgs(c.len ?? 0, c.cap)})`}, ${c.n})`;
    case "mapinsert":
      return `insert(${c.hint === undefined ? `map[${c.key}]${c.elem}` : `make(map[${c.key}]${c.elem}, ${c.hint})`}, ${c.n})`;
    default:
      if (isMapOp(c.op)) return mapOpCall(c as MapOpCase);
      return isStringOp(c.op) ? stringOpCall(c as StringOpCase) : describeObjectCall(c as ObjectCase);
  }
}
