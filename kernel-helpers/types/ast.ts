/** The Go types the lab accepts, as a tree. Built only by the parser in grammar.ts. */

/** Go's predeclared basic types, including the aliases byte and rune. */
export const BASIC_NAMES = [
  "bool", "string",
  "int", "int8", "int16", "int32", "int64",
  "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
  "float32", "float64", "complex64", "complex128",
  "byte", "rune",
] as const;

export type BasicName = (typeof BASIC_NAMES)[number];

export type GoType =
  | { kind: "basic"; name: BasicName }
  | { kind: "any" }
  | { kind: "pointer"; elem: GoType }
  | { kind: "slice"; elem: GoType }
  | { kind: "array"; length: number; elem: GoType }
  | { kind: "map"; key: GoType; elem: GoType }
  | { kind: "struct"; fields: StructField[] };

export interface StructField {
  name: string;
  type: GoType;
}

/** True for the types Go allows as map keys (no slices, maps, or aggregates holding them). */
export function isComparable(t: GoType): boolean {
  switch (t.kind) {
    case "slice":
    case "map":
      return false;
    case "array":
      return isComparable(t.elem);
    case "struct":
      return t.fields.every((f) => isComparable(f.type));
    default:
      return true;
  }
}
