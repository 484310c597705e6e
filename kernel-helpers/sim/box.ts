/**
 * any(x) for a variable x of a concrete type: the compiler's dataWord and dataWordFuncName
 * (cmd/compile/internal/walk/convert.go, alike in 1.19.8, 1.26.8 and 1.27.3 for a variable) and
 * the runtime's convT16, convT32, convT64, convTstring, convTslice, convT and convTnoptr
 * (runtime/iface.go, the same in the three). What allocates nothing: pointer-shaped values (the
 * pointer is the data word), zero-sized ones (&zerobase), bools and single bytes
 * (&staticuint64s[x]), a conversion that does not escape (a stack temporary, up to 1024 bytes),
 * values below 256 in convT16/32/64 (&staticuint64s[x] again), "" and nil slices (&zeroVal).
 */
import { BoxCase } from "../case";
import { releaseOf } from "../alloc/rules";
import { GoType, layoutOf, parseGoType } from "../types";
import { Heap } from "./malloc";
import { VersionModel } from "./versions";

/** walk/convert.go dataWord: a conversion that does not escape gets a stack temporary up to this size. */
const STACK_TEMP_MAX = 1024;
/** runtime/iface.go: `var staticuint64s = [...]uint64{0, 1, ..., 255}`. */
const STATIC_UINT64S = 256;

/**
 * types.IsDirectIface: the value is stored in the interface's data word itself. 1.19.8 (the
 * older rule, kept for versions before 1.26, which the lab has not read): a pointer,
 * map, chan, func, or an array of one / struct of one field of such; 1.26.8 and 1.27.3: any type of
 * pointer size whose only word is a pointer (`t.Size() == PtrSize && PtrDataSize(t) == PtrSize`).
 */
export function isDirectIface(v: VersionModel, t: GoType): boolean {
  const [major, minor] = releaseOf(v.go);
  if (major === 1 && minor < 26) {
    switch (t.kind) {
      case "pointer":
      case "map":
        return true;
      case "array":
        return t.length === 1 && isDirectIface(v, t.elem);
      case "struct":
        return t.fields.length === 1 && isDirectIface(v, t.fields[0].type);
      default:
        return false;
    }
  }
  const l = layoutOf(t)!;
  return l.size === 8 && l.ptrdata === 8;
}

/** types.SoleComponent: the one primitive inside structs of one field and arrays of one element. */
function soleComponent(t: GoType): GoType | null {
  if (t.kind === "struct") return t.fields.length === 1 ? soleComponent(t.fields[0].type) : null;
  if (t.kind === "array") return t.length === 1 ? soleComponent(t.elem) : null;
  return t;
}

const isIntegerType = (t: GoType | null): boolean => t?.kind === "basic" && /^(u?int(8|16|32|64)?|uintptr|byte|rune)$/.test(t.name);

/** The value's bits as the unsigned integer convT16/32/64 receive (two's complement; IEEE bits for floats). */
function unsignedBits(t: GoType, value: number | undefined, size: number): bigint {
  if (value === undefined) return 0n;
  if (t.kind === "basic" && t.name === "float64") return new BigUint64Array(new Float64Array([value]).buffer)[0];
  if (t.kind === "basic" && t.name === "float32") return BigInt(new Uint32Array(new Float32Array([value]).buffer)[0]);
  return BigInt.asUintN(size * 8, BigInt(value));
}

/** dataWordFuncName: the runtime function that boxes a value of `t` when the compiler could not avoid it. */
function convFunc(t: GoType, size: number, align: number, pointers: boolean): string {
  if (size === 2 && align === 2) return "convT16";
  if (size === 4 && align === 4 && !pointers) return "convT32";
  if (size === 8 && align === 8 && !pointers) return "convT64";
  const sole = soleComponent(t);
  if (sole?.kind === "basic" && sole.name === "string") return "convTstring";
  if (sole?.kind === "slice") return "convTslice";
  return pointers ? "convT" : "convTnoptr";
}

/** Allocations of `any(x)` as the probe writes it: x a package variable of the case's type and value. */
export function simulateBox(heap: Heap, c: BoxCase): void {
  const v = heap.version;
  const t = parseGoType(c.type);
  const { size, align, ptrdata } = layoutOf(t)!;
  const pointers = ptrdata > 0;
  const sole = soleComponent(t);
  const call = `any(x), x ${c.type}${c.value === undefined ? " (zero)" : ` = ${JSON.stringify(c.value)}`}`;
  if (isDirectIface(v, t)) return heap.note(`${call}: pointer-shaped, so the value itself is the interface's data word (IsDirectIface)`);
  if (size === 0) return heap.note(`${call}: zero-sized, the data word is &runtime.zerobase (dataWord)`);
  if ((sole?.kind === "basic" && sole.name === "bool") || (size === 1 && isIntegerType(sole))) {
    return heap.note(`${call}: a single byte, the data word points into runtime.staticuint64s (dataWord)`);
  }
  if (c.escape !== "heap" && size <= STACK_TEMP_MAX) {
    return heap.note(`${call}: the interface does not escape and x is at most ${STACK_TEMP_MAX} B, so the data word points to a stack temporary (dataWord)`);
  }
  const fn = convFunc(t, size, align, pointers);
  const site = `runtime.${fn}`;
  const escapes = c.escape === "heap" ? "the interface is stored in a package-level variable" : `x is over ${STACK_TEMP_MAX} B, too large for a stack temporary`;
  switch (fn) {
    case "convT16":
    case "convT32":
    case "convT64": {
      const bits = unsignedBits(sole ?? t, typeof c.value === "number" ? c.value : c.value === true ? 1 : undefined, size);
      if (bits < BigInt(STATIC_UINT64S)) return heap.note(`${call}: ${fn} finds ${bits} below ${STATIC_UINT64S} and returns &staticuint64s[${bits}], allocating nothing`);
      heap.malloc(size, true, site, heap.recording ? `${call}: ${escapes}; ${fn}: ${bits} is not below ${STATIC_UINT64S}, so mallocgc(${size}, uint${size * 8}Type)` : "");
      return;
    }
    case "convTstring":
      if (c.value === undefined) return heap.note(`${call}: convTstring returns &zeroVal for "", allocating nothing`);
      heap.malloc(16, false, site, heap.recording ? `${call}: ${escapes}; convTstring copies the string header (16 B) to the heap` : "");
      return;
    case "convTslice":
      return heap.note(`${call}: convTslice returns &zeroVal for a nil slice, allocating nothing`);
    default:
      heap.malloc(size, !pointers, site, heap.recording ? `${call}: ${escapes}; ${fn} copies x (${size} B) to the heap` : "");
  }
}
