/** Writes Go source for a type tree. The only path from a user's type to Go code. */
import { GoType } from "./ast";

/** Canonical Go spelling of a type: `map[string][]int`, `struct{a int; b *T}`, `any`. */
export function renderType(t: GoType): string {
  switch (t.kind) {
    case "basic":
      return t.name;
    case "any":
      return "any";
    case "pointer":
      return `*${renderType(t.elem)}`;
    case "slice":
      return `[]${renderType(t.elem)}`;
    case "array":
      return `[${t.length}]${renderType(t.elem)}`;
    case "map":
      return `map[${renderType(t.key)}]${renderType(t.elem)}`;
    case "struct":
      return `struct{${t.fields.map((f) => `${f.name} ${renderType(f.type)}`).join("; ")}}`;
  }
}
