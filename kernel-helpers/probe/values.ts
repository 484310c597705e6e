/**
 * Go code for the values a probe stores: distinct map keys made from an index, and zero values.
 * Written from the type tree only (never from text a user typed).
 */
import { GoType, renderType } from "../types";

/**
 * Statement that makes `k` (already declared as the key type, zero) distinct for index `i`, by
 * setting its first settable leaf; null when the type has none (then every key is equal, as Go
 * would make them). Small integer types wrap, as Go's conversion does.
 */
export function keyLeafAssignment(t: GoType, target = "k"): string | null {
  switch (t.kind) {
    case "basic":
      switch (t.name) {
        case "bool":
          return `${target} = i%2 == 1`;
        case "string":
          return `${target} = strconv.Itoa(i)`;
        case "complex64":
        case "complex128":
          return `${target} = ${t.name}(complex(float64(i), 0))`;
        default:
          return `${target} = ${t.name}(i)`;
      }
    case "any":
      return `${target} = i`;
    case "pointer":
      return `${target} = new(${renderType(t.elem)})`;
    case "array":
      return t.length > 0 ? keyLeafAssignment(t.elem, `${target}[0]`) : null;
    case "struct":
      for (const f of t.fields) {
        if (f.name === "_") continue;
        const a = keyLeafAssignment(f.type, `${target}.${f.name}`);
        if (a) return a;
      }
      return null;
    case "slice":
    case "map":
      return null;
  }
}
