/**
 * Go types as the simulator needs them: amd64 layout (size, pointers) of user types, cached by
 * their canonical spelling, and of the runtime's own map types, built the way the compiler
 * builds them.
 */
import { GoType, layoutOf, parseGoType } from "../types";

/** A type's layout, with its tree. */
export interface TypeInfo {
  text: string;
  tree: GoType;
  size: number;
  align: number;
  /** True when the garbage collector must scan it (mallocgc's noscan is the opposite). */
  pointers: boolean;
}

const cache = new Map<string, TypeInfo>();

function infoOf(text: string, tree: GoType): TypeInfo {
  const l = layoutOf(tree)!;
  return { text, tree, size: l.size, align: l.align, pointers: l.ptrdata > 0 };
}

/** Layout of a type given in its canonical spelling (trusted: it came through parseCase). */
export function typeInfo(text: string): TypeInfo {
  let t = cache.get(text);
  if (!t) {
    t = infoOf(text, parseGoType(text));
    if (cache.size > 10_000) cache.clear();
    cache.set(text, t);
  }
  return t;
}

const UINT8: GoType = { kind: "basic", name: "uint8" };
const UINT64: GoType = { kind: "basic", name: "uint64" };
const UINTPTR: GoType = { kind: "basic", name: "uintptr" };
const UNSAFE_POINTER: GoType = { kind: "pointer", elem: UINT8 };

/** A map's key or element as stored in a bucket or group: a pointer when larger than 128 bytes. */
export interface Slot {
  type: TypeInfo;
  /** Stored through a pointer, allocated with newobject on insert. */
  indirect: boolean;
  /** The type actually in the slot. */
  stored: GoType;
}

/**
 * 1.19.8 runtime/map.go maxKeySize = maxElemSize = 128; 1.26.8 internal/abi/map.go
 * MapMaxKeyBytes = MapMaxElemBytes = 128: larger keys and elements are stored indirectly.
 */
export function slotOf(t: TypeInfo): Slot {
  const indirect = t.size > 128;
  return { type: t, indirect, stored: indirect ? { kind: "pointer", elem: t.tree } : t.tree };
}

/**
 * The 1.19.8 bucket (cmd/compile/internal/reflectdata/reflect.go MapBucketType):
 * struct { topbits [8]uint8; keys [8]K; elems [8]V; overflow uintptr or unsafe.Pointer }, the
 * overflow field being a uintptr when neither key nor element holds pointers.
 */
export function classicBucket(key: Slot, elem: Slot): TypeInfo {
  const k = infoOf("", key.stored);
  const e = infoOf("", elem.stored);
  const overflow = k.pointers || e.pointers ? UNSAFE_POINTER : UINTPTR;
  const tree: GoType = {
    kind: "struct",
    fields: [
      { name: "topbits", type: { kind: "array", length: 8, elem: UINT8 } },
      { name: "keys", type: { kind: "array", length: 8, elem: key.stored } },
      { name: "elems", type: { kind: "array", length: 8, elem: elem.stored } },
      { name: "overflow", type: overflow },
    ],
  };
  return infoOf("bmap", tree);
}

/**
 * The Swiss-table group of 1.26.8 and 1.27.3 (cmd/compile/internal/reflectdata/map.go
 * MapGroupType, interleaved layout; 1.27.3's split layout needs GOEXPERIMENT=mapsplitgroup, off by
 * default): struct { ctrl uint64; slots [8]struct { key K; elem V } }.
 */
export function swissGroup(key: Slot, elem: Slot): TypeInfo {
  const slot: GoType = { kind: "struct", fields: [{ name: "key", type: key.stored }, { name: "elem", type: elem.stored }] };
  const tree: GoType = {
    kind: "struct",
    fields: [
      { name: "ctrl", type: UINT64 },
      { name: "slots", type: { kind: "array", length: 8, elem: slot } },
    ],
  };
  return infoOf("group", tree);
}

/** True for types compared as plain memory (types.AlgType AMEM): no floats, strings, interfaces or padding. */
function plainMemory(t: GoType): boolean {
  switch (t.kind) {
    case "basic":
      return !/^(string|float|complex)/.test(t.name);
    case "pointer":
      return true;
    case "array":
      return plainMemory(t.elem);
    case "struct": {
      let offset = 0;
      for (const f of t.fields) {
        const l = layoutOf(f.type)!;
        if (f.name === "_" || offset % l.align !== 0 || !plainMemory(f.type)) return false;
        offset += l.size;
      }
      return offset === layoutOf(t)!.size;
    }
    default:
      return false;
  }
}

/**
 * The map-assignment function the compiler calls for map[K]V (cmd/compile/internal/walk/walk.go
 * mapfast, alike in 1.19.8 and 1.26.8): the fast variants for 4- and 8-byte plain keys and
 * strings, unless the element is over 128 bytes.
 */
export function mapassignFunc(key: TypeInfo, elem: TypeInfo): string {
  if (elem.size > 128) return "mapassign";
  if (key.tree.kind === "basic" && key.tree.name === "string") return "mapassign_faststr";
  if (!plainMemory(key.tree)) return "mapassign";
  if (key.size === 4 && !key.pointers) return "mapassign_fast32";
  if (key.size === 8) return key.pointers ? "mapassign_fast64ptr" : "mapassign_fast64";
  return "mapassign";
}
