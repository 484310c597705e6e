/**
 * Short forms of the object operations (objects.ts): `new(T)`, `&T{}`, with `[N times]`. Read
 * into the JSON object that validateCase checks, as every short form is (short-form.ts); each
 * type goes through the Go type grammar.
 */
import { InputError } from "../errors";
import { caseMessages, objectMessages } from "../messages";
import { parseGoType, renderType } from "../types";
import { readLiteral } from "./box-value";
import { intLiteral } from "./literals";

/** The object forms, one line a form, for --help and the "cannot read case" message. */
export const OBJECT_FORMS: readonly { form: string; means: string }[] = [
  { form: "new(T) | &T{}", means: "new: one new object (&T{} for struct, array, slice and map types)" },
  { form: "new(T) [N times]", means: "new, n: N objects one after another (the tiny allocator packs small ones)" },
  { form: "make(chan T) | make(chan T, cap)", means: "makechan: an unbuffered or a buffered channel" },
  { form: "closure(T1, T2, …) [reassigned]", means: "closure: func(){…} reading variables of these types (reassigned after: captured by reference)" },
  { form: "any(T(value)) | any(T{}) | any((T)(nil))", means: "box: a variable of type T holding value (or its zero value) converted to an interface" },
];

/** Reads an object form, or returns undefined when `body` is none of them. */
export function readObjectForm(body: string, fn: string | undefined, args: readonly string[], text: string): Record<string, unknown> | undefined {
  const literal = /^&([\s\S]+)\{\s*\}$/.exec(body);
  if (literal) return { op: "new", type: renderType(parseGoType(literal[1].trim())), literal: true };
  if (fn === "make" && /^chan\b/.test(args[0] ?? "")) {
    if (args.length > 2) throw new InputError(caseMessages.shortFormArgs(text), text);
    const elem = renderType(parseGoType(args[0].slice(4).trim()));
    return { op: "makechan", elem, ...(args.length === 2 ? { cap: intLiteral("cap", args[1], text) } : {}) };
  }
  if (fn === "closure") {
    const captures = args.length === 1 && args[0] === "" ? [] : args.map((a) => renderType(parseGoType(a)));
    return { op: "closure", captures };
  }
  if (fn === "any") {
    if (args.length !== 1) throw new InputError(caseMessages.shortFormArgs(text), text);
    return readBox(args[0], text);
  }
  if (fn === "new") {
    if (args.length !== 1) throw new InputError(caseMessages.shortFormArgs(text), text);
    return { op: "new", type: renderType(parseGoType(args[0])) };
  }
  return undefined;
}

/** `[N times]` sets n of a new case; false when the flag is not a count. */
export function readCountFlag(flag: string, c: Record<string, unknown>, text: string): boolean {
  const m = /^([0-9][0-9_]*) times$/.exec(flag);
  if (!m) return false;
  if (c.op !== "new") throw new InputError(objectMessages.countFlagNotFor(flag), text);
  c.n = intLiteral("n", m[1], text);
  return true;
}


/** `T(value)`, `T{}` (struct or array zero value) or `(T)(nil)` inside `any(…)`. */
function readBox(inner: string, text: string): Record<string, unknown> {
  const composite = /^([\s\S]+)\{\s*\}$/.exec(inner);
  if (composite) {
    const type = parseGoType(composite[1].trim());
    if (type.kind !== "struct" && type.kind !== "array") throw new InputError(objectMessages.boxForm(text), text);
    return { op: "box", type: renderType(type) };
  }
  if (!inner.endsWith(")")) throw new InputError(objectMessages.boxForm(text), text);
  // The value's parenthesis: before a string literal (which may hold parentheses), else the last one.
  const quote = inner.indexOf('("');
  const open = quote > 0 ? quote : inner.lastIndexOf("(");
  if (open <= 0) throw new InputError(objectMessages.boxForm(text), text);
  const type = parseGoType(inner.slice(0, open).trim());
  const value = readLiteral(inner.slice(open + 1, -1));
  if (value === null && type.kind !== "pointer" && type.kind !== "slice" && type.kind !== "map") throw new InputError(objectMessages.boxForm(text), text);
  return { op: "box", type: renderType(type), ...(value === null ? {} : { value }) };
}
