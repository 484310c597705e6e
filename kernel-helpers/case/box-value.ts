/**
 * The value an `any(x)` case boxes: a number, boolean or string for a basic type, checked against
 * the type (range, finiteness), written as a Go literal from its parsed form only, and as the
 * short form spells it. Any other type boxes its zero value.
 */
import { InputError } from "../errors";
import { objectMessages } from "../messages";
import { GoType, layoutOf, renderType } from "../types";

/** A boxed value: absent means the zero value of the type. */
export type BoxValue = number | boolean | string;

/** Longest string a box case holds (its header is what is boxed, not its bytes). */
export const MAX_BOX_STRING = 1000;

const INTEGER = /^(u?int(8|16|32|64)?|uintptr|byte|rune)$/;
const FLOAT32_MAX = 3.4028234663852886e38;

/** Smallest and largest value of an integer type, within the safe integers JSON numbers keep exact. */
function integerRange(name: string, size: number): [number, number] {
  const bits = size * 8;
  const unsigned = name.startsWith("u") || name === "byte";
  const lo = unsigned ? 0 : -(2 ** (bits - 1));
  const hi = unsigned ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
  return [Math.max(lo, Number.MIN_SAFE_INTEGER), Math.min(hi, Number.MAX_SAFE_INTEGER)];
}

/**
 * The value checked against its type; undefined for the zero value (0, -0, false, ""), which is
 * the same case as no value.
 */
export function checkBoxValue(type: GoType, text: string, value: unknown): BoxValue | undefined {
  if (value === undefined) return undefined;
  const bad = (): never => {
    throw new InputError(objectMessages.badBoxValue(text, value), String(value));
  };
  // complex64(0), as the short form writes a complex zero value, is the zero value.
  if (type.kind === "basic" && type.name.startsWith("complex") && value === 0) return undefined;
  if (type.kind !== "basic" || type.name.startsWith("complex")) throw new InputError(objectMessages.valueNeedsBasic(text), text);
  const name = type.name;
  if (name === "bool") return typeof value === "boolean" ? value || undefined : bad();
  if (name === "string") {
    if (typeof value !== "string") return bad();
    if (value.length > MAX_BOX_STRING) throw new InputError(objectMessages.boxStringTooLong(value.length, MAX_BOX_STRING), value.slice(0, 40));
    // A lone surrogate half has no UTF-8 spelling, so no Go literal can hold it.
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return bad();
    return value === "" ? undefined : value;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return bad();
  if (INTEGER.test(name)) {
    const [lo, hi] = integerRange(name, layoutOf(type)!.size);
    if (!Number.isSafeInteger(value) || value < lo || value > hi) throw new InputError(objectMessages.outOfRange(text, value, lo, hi), String(value));
  } else if (name === "float32" && Math.abs(value) > FLOAT32_MAX) {
    return bad();
  }
  return value === 0 ? undefined : value;
}

/** The value as a Go literal of `type`, written from the checked value (never from typed text). */
export function goLiteral(type: GoType, value: BoxValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return String(value);
  let out = "";
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    out += /[A-Za-z0-9 .,:;_\-+*/=!?#%&()<>[\]{}@^|~]/.test(ch) ? ch : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `"${out}"`;
}

/** How the short form writes `any(x)`: `any(int(300))`, `any(string("hi"))`, `any([2]int{})`, `any((*int)(nil))`. */
export function describeBox(type: GoType, value: BoxValue | undefined): string {
  const t = renderType(type);
  if (type.kind === "basic") {
    const zero = type.name === "bool" ? "false" : type.name === "string" ? '""' : "0";
    return `any(${t}(${value === undefined ? zero : typeof value === "string" ? JSON.stringify(value) : String(value)}))`;
  }
  if (type.kind === "struct" || type.kind === "array") return `any(${t}{})`;
  return `any((${t})(nil))`;
}

/** Reads the literal inside `T(…)` of a short form: nil, true, false, a JSON string or a number. */
export function readLiteral(text: string): BoxValue | null {
  const s = text.trim();
  if (s === "nil") return null;
  if (s === "true" || s === "false") return s === "true";
  if (s.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(s);
      if (typeof v === "string") return v;
    } catch {
      // not a string literal: refused below
    }
    throw new InputError(objectMessages.badLiteral(s), s);
  }
  const clean = s.replace(/(?<=[0-9])_(?=[0-9])/g, "");
  if (!/^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(clean) || /^-?0[0-9]/.test(clean)) throw new InputError(objectMessages.badLiteral(s), s);
  return Number(clean);
}
