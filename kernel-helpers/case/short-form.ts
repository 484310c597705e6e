/**
 * The short form of a case: Go-like text for what the JSON says. It is read here into the JSON
 * object that validateCase then checks, so a short form is never trusted more than JSON is; every
 * type in it goes through the Go type grammar (parseGoType) and is re-spelled from its tree.
 * describeCase (case.ts) writes the same grammar, so a case read back from its description is the
 * same case.
 */
import { InputError } from "../errors";
import { caseMessages } from "../messages";
import { parseGoType, renderType } from "../types";
import type { Escape } from "./case";
import { intLiteral } from "./literals";
import { MAP_OP_FORMS, readMapOpForm } from "./map-forms";
import { OBJECT_FORMS, readCountFlag, readObjectForm } from "./object-forms";
import { readStringOpForm, STRING_OP_FORMS } from "./string-forms";

/** The grammar, one line a form: what --help and the "cannot read case" message show. */
export const SHORT_FORMS: readonly { form: string; means: string }[] = [
  { form: "make(map[K]V) | make(map[K]V, hint)", means: "makemap" },
  { form: "make([]T, len) | make([]T, len, cap)", means: "makeslice" },
  { form: "append([]T, n)", means: "append, start nil: n single appends to var s []T" },
  { form: "append(make([]T, len[, cap]), n)", means: "append, start make: n single appends to make([]T, len, cap)" },
  { form: "insert(map[K]V, n)", means: "mapinsert: m := make(map[K]V), then n inserts (keys 0..n-1)" },
  { form: "insert(make(map[K]V, hint), n)", means: "mapinsert with make's size hint" },
  ...STRING_OP_FORMS,
  ...MAP_OP_FORMS,
  { form: "_ = FORM", means: "escape discard: the result is thrown away, as in the article's programs" },
  { form: "FORM [stack]", means: "escape stack: the result is used only in the function" },
  { form: "make([]T, …) [variable size]", means: "constSize false: len and cap are variables" },
  { form: "insert(…) [new value each]", means: "freshElem true: each insert stores new(T); V is *T" },
  ...OBJECT_FORMS,
];

/** The flags in brackets after the call, and the op each belongs to (undefined: any op). */
const FLAGS: Record<string, { op?: string; form: string; set: (o: Record<string, unknown>) => void }> = {
  stack: { form: "any case", set: (o) => (o.escape = "stack") },
  "variable size": { op: "makeslice", form: "make([]T, len[, cap])", set: (o) => (o.constSize = false) },
  "new value each": { op: "mapinsert", form: "insert(…)", set: (o) => (o.freshElem = true) },
  reassigned: { op: "closure", form: "closure(…)", set: (o) => (o.reassigned = true) },
};

/** Reads a short form into a case object (not yet validated); `defaultEscape` unless it says `_ =` or `[stack]`. */
export function readShortForm(text: string, defaultEscape: Escape): Record<string, unknown> {
  let body = text;
  const discard = /^_\s*=\s*/.exec(body);
  if (discard) body = body.slice(discard[0].length);
  const flagged = /[)}]\s*\[([^[\]]*)\]$/.exec(body);
  const flags = flagged ? flagged[1].split(",").map((f) => f.trim().replace(/\s+/g, " ")) : [];
  if (flagged) body = body.slice(0, flagged.index + 1);
  const c = readCall(body, text);
  c.escape = discard ? "discard" : defaultEscape;
  for (const name of flags) {
    if (readCountFlag(name, c, text)) continue;
    const flag = FLAGS[name];
    if (!flag) throw new InputError(caseMessages.unknownFlag(name, Object.keys(FLAGS)), text);
    if (flag.op !== undefined && flag.op !== c.op) throw new InputError(caseMessages.flagNotFor(name, flag.form), text);
    if (discard && name === "stack") throw new InputError(caseMessages.discardAndStack(), text);
    flag.set(c);
  }
  return c;
}

/** `make(...)`, `append(...)` or `insert(...)`, its arguments split at top-level commas. */
export function callOf(body: string): { fn: string; args: string[] } | undefined {
  const m = /^([a-z]+)\s*\(([\s\S]*)\)$/.exec(body);
  return m ? { fn: m[1], args: splitTopLevel(m[2]).map((a) => a.trim()) } : undefined;
}

function readCall(body: string, text: string): Record<string, unknown> {
  const stringOp = readStringOpForm(body, text) ?? readMapOpForm(body, text);
  if (stringOp) return stringOp;
  const call = callOf(body);
  const object = readObjectForm(body, call?.fn, call?.args ?? [], text);
  if (object) return object;
  if (call?.fn === "make") return readMake(call.args, text);
  if (call?.fn === "append") return readGrowth(call.args, text, "append");
  if (call?.fn === "insert") return readGrowth(call.args, text, "insert");
  throw new InputError(caseMessages.shortForm(text, SHORT_FORMS.map((f) => f.form)), text);
}

/** `make(map[K]V[, hint])` → makemap; `make([]T, len[, cap])` → makeslice. */
export function readMake(args: readonly string[], text: string): Record<string, unknown> {
  if (args.length < 1 || args.length > 3) throw new InputError(caseMessages.shortFormArgs(text), text);
  const type = parseGoType(args[0]);
  if (type.kind === "map") {
    if (args.length > 2) throw new InputError(caseMessages.shortFormArgs(text), text);
    const hint = args.length === 2 ? intLiteral("hint", args[1], text) : undefined;
    return { op: "makemap", key: renderType(type.key), elem: renderType(type.elem), ...(hint === undefined ? {} : { hint }) };
  }
  if (type.kind === "slice") {
    if (args.length < 2) throw new InputError(caseMessages.shortFormArgs(text), text);
    const [len, cap] = args.slice(1).map((a, i) => intLiteral(i === 0 ? "len" : "cap", a, text));
    return { op: "makeslice", elem: renderType(type.elem), len, ...(cap === undefined ? {} : { cap }) };
  }
  throw new InputError(caseMessages.makeOfWrongType(args[0]), text);
}

/**
 * `append(S, n)` with S a slice type (start nil) or a make of one (start make);
 * `insert(M, n)` with M a map type or a make of one (its hint kept).
 */
function readGrowth(args: readonly string[], text: string, fn: "append" | "insert"): Record<string, unknown> {
  if (args.length !== 2) throw new InputError(caseMessages.shortFormArgs(text), text);
  const n = intLiteral("n", args[1], text);
  const inner = callOf(args[0]);
  const start = inner?.fn === "make" ? readMake(inner.args, text) : undefined;
  if (fn === "append") {
    if (start) {
      if (start.op !== "makeslice") throw new InputError(caseMessages.growthOfWrongType(fn, args[0]), text);
      return { op: "append", elem: start.elem, n, start: "make", len: start.len, ...(start.cap === undefined ? {} : { cap: start.cap }) };
    }
    const type = parseGoType(args[0]);
    if (type.kind !== "slice") throw new InputError(caseMessages.growthOfWrongType(fn, args[0]), text);
    return { op: "append", elem: renderType(type.elem), n, start: "nil" };
  }
  if (start) {
    if (start.op !== "makemap") throw new InputError(caseMessages.growthOfWrongType(fn, args[0]), text);
    return { op: "mapinsert", key: start.key, elem: start.elem, n, ...(start.hint === undefined ? {} : { hint: start.hint }) };
  }
  const type = parseGoType(args[0]);
  if (type.kind !== "map") throw new InputError(caseMessages.growthOfWrongType(fn, args[0]), text);
  return { op: "mapinsert", key: renderType(type.key), elem: renderType(type.elem), n };
}

/** Splits on commas that are not inside brackets, braces or parentheses. */
export function splitTopLevel(s: string): string[] {
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
