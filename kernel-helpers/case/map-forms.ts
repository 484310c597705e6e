/**
 * The short forms of the map operations (map-ops.ts), read into the JSON object that validateCase
 * checks. mapOpCall writes the same grammar, so a case read back from its description is the
 * same case.
 */
import { InputError } from "../errors";
import { caseMessages } from "../messages";
import { parseGoType, renderType } from "../types";
import { intLiteral } from "./literals";
import { callOf, readMake, splitTopLevel } from "./short-form";

/** The grammar, one line a form (listed by --help after the other short forms). */
export const MAP_OP_FORMS: readonly { form: string; means: string }[] = [
  { form: "delete(M, n, d, r)", means: "mapdelete: insert keys 0..n-1, delete keys 0..d-1, insert keys 0..r-1 again; M is map[K]V or make(map[K]V, hint)" },
  { form: "clear(M, n, r)", means: "mapclear: insert keys 0..n-1, clear(m), insert keys 0..r-1 again" },
  { form: "maps.Clone(M, n)", means: "mapclone: insert keys 0..n-1, then maps.Clone(m) (Go 1.21 and later)" },
];

const ARGS = { delete: ["n", "d", "r"], clear: ["n", "r"], "maps.Clone": ["n"] } as const;
const OP = { delete: "mapdelete", clear: "mapclear", "maps.Clone": "mapclone" } as const;

/** Reads `body` as one of MAP_OP_FORMS; undefined when it is none of them (the other forms are tried). */
export function readMapOpForm(body: string, text: string): Record<string, unknown> | undefined {
  const m = /^(delete|clear|maps\.Clone)\s*\(([\s\S]*)\)$/.exec(body);
  if (!m) return undefined;
  const fn = m[1] as keyof typeof ARGS;
  const args = splitTopLevel(m[2]).map((a) => a.trim());
  // Only a map (or a make of one) first: `delete(int)` is no form at all.
  if (!/^(map\s*\[|make\s*\()/.test(args[0])) return undefined;
  const names = ARGS[fn];
  if (args.length !== names.length + 1) throw new InputError(caseMessages.shortFormArgs(text), text);
  const c: Record<string, unknown> = { op: OP[fn], ...startOf(args[0], text, fn) };
  names.forEach((name, i) => (c[name] = intLiteral(name, args[i + 1], text)));
  return c;
}

/** M: `map[K]V` or `make(map[K]V, hint)`. */
function startOf(s: string, text: string, fn: string): Record<string, unknown> {
  const inner = callOf(s);
  if (inner?.fn === "make") {
    const made = readMake(inner.args, text);
    if (made.op !== "makemap") throw new InputError(caseMessages.growthOfWrongType(fn, s), text);
    return { key: made.key, elem: made.elem, ...(made.hint === undefined ? {} : { hint: made.hint }) };
  }
  const type = parseGoType(s);
  if (type.kind !== "map") throw new InputError(caseMessages.growthOfWrongType(fn, s), text);
  return { key: renderType(type.key), elem: renderType(type.elem) };
}
