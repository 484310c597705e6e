/**
 * The short forms of the string and growth operations (string-ops.ts), read into the JSON object
 * that validateCase checks. stringOpCall writes the same grammar, so a case read back from its
 * description is the same case.
 */
import { InputError } from "../errors";
import { caseMessages } from "../messages";
import { parseGoType, renderType } from "../types";
import { intLiteral } from "./literals";
import { callOf, readMake, splitTopLevel } from "./short-form";

/** The grammar, one line a form (listed by --help after the other short forms). */
export const STRING_OP_FORMS: readonly { form: string; means: string }[] = [
  { form: "concat(len, len[, …])", means: "concat: a + b (+ …) of strings of these byte lengths" },
  { form: "concatloop(len, n)", means: "concatloop: var s string; n times s += x (x of len bytes)" },
  { form: "[]byte(len-byte string)", means: "convert to bytes: []byte(s)" },
  { form: "string(len-byte []byte)", means: "convert to string: string(b)" },
  { form: "[]rune(len-byte string)", means: "convert to runes: []rune(s) (ASCII: one rune a byte)" },
  { form: "append(S, add...)", means: "appendslice: s = append(s, t...), t of add elements; S is []T or make([]T, len[, cap])" },
  { form: "slices.Grow(S, n)", means: "slicesgrow: s = slices.Grow(s, n); S as for append" },
  { form: "strings.Builder(len, n[, grow])", means: "builder: [b.Grow(grow)]; n times b.WriteString(x of len bytes)" },
  { form: "bytes.Buffer(len, n[, grow])", means: "buffer: the same with a bytes.Buffer" },
];

const CONVERSION = /^(\[\]byte|string|\[\]rune)\s*\(\s*([0-9_]+)\s*-\s*byte\s+(string|\[\]byte)\s*\)$/;
const SOURCE_OF = { "[]byte": ["bytes", "string"], string: ["string", "[]byte"], "[]rune": ["runes", "string"] } as const;

/** Reads `body` as one of STRING_OP_FORMS; undefined when it is none of them (the other forms are tried). */
export function readStringOpForm(body: string, text: string): Record<string, unknown> | undefined {
  const conversion = CONVERSION.exec(body);
  if (conversion) {
    const [to, from] = SOURCE_OF[conversion[1] as keyof typeof SOURCE_OF];
    if (conversion[3] !== from) throw new InputError(caseMessages.shortForm(text, STRING_OP_FORMS.map((f) => f.form)), text);
    return { op: "convert", to, len: intLiteral("len", conversion[2], text) };
  }
  const m = /^(concat|concatloop|append|slices\.Grow|strings\.Builder|bytes\.Buffer)\s*\(([\s\S]*)\)$/.exec(body);
  if (!m) return undefined;
  const args = splitTopLevel(m[2]).map((a) => a.trim());
  const sizes = (names: readonly string[]) => args.map((a, i) => intLiteral(names[Math.min(i, names.length - 1)], a, text));
  const count = (min: number, max: number) => {
    if (args.length < min || args.length > max) throw new InputError(caseMessages.shortFormArgs(text), text);
  };
  switch (m[1]) {
    case "concat":
      return { op: "concat", lens: sizes(["lens"]) };
    case "concatloop": {
      count(2, 2);
      const [len, n] = sizes(["len", "n"]);
      return { op: "concatloop", len, n };
    }
    case "append": {
      // append(S, n) is the single-append form; only `add...` is this one.
      const spread = args.length === 2 ? /^(.*?)\s*\.\.\.$/.exec(args[1]) : null;
      if (!spread) return undefined;
      return { op: "appendslice", ...startOf(args[0], text, "append"), add: intLiteral("add", spread[1], text) };
    }
    case "slices.Grow":
      count(2, 2);
      return { op: "slicesgrow", ...startOf(args[0], text, "append"), grow: intLiteral("grow", args[1], text) };
    default: {
      count(2, 3);
      const [len, n, grow] = sizes(["len", "n", "grow"]);
      return { op: m[1] === "strings.Builder" ? "builder" : "buffer", len, n, ...(grow === undefined ? {} : { grow }) };
    }
  }
}

/** S of `append(S, …)` or `slices.Grow(S, …)`: `[]T` (start nil) or `make([]T, len[, cap])`. */
function startOf(s: string, text: string, fn: "append"): Record<string, unknown> {
  const inner = callOf(s);
  if (inner?.fn === "make") {
    const made = readMake(inner.args, text);
    if (made.op !== "makeslice") throw new InputError(caseMessages.growthOfWrongType(fn, s), text);
    return { elem: made.elem, start: "make", len: made.len, ...(made.cap === undefined ? {} : { cap: made.cap }) };
  }
  const type = parseGoType(s);
  if (type.kind !== "slice") throw new InputError(caseMessages.growthOfWrongType(fn, s), text);
  return { elem: renderType(type.elem), start: "nil" };
}
