/**
 * Size, alignment and pointer data of Go types on amd64, as the compiler lays them out
 * (cmd/compile/internal/types/size.go: CalcSize, and types.PtrDataSize). The simulator and the
 * measurement's memory cap both need them.
 */
import { BasicName, GoType } from "./ast";

export interface Layout {
  /** unsafe.Sizeof */
  size: number;
  /** unsafe.Alignof */
  align: number;
  /** Bytes from the start of the value to the end of its last pointer; 0 means noscan. */
  ptrdata: number;
}

/** Go refuses types larger than this on amd64 (1<<48, the address space the runtime manages). */
export const MAX_TYPE_SIZE = 2 ** 48;

const PTR = 8;

const BASIC: Record<BasicName, Layout> = {
  bool: { size: 1, align: 1, ptrdata: 0 },
  int8: { size: 1, align: 1, ptrdata: 0 },
  uint8: { size: 1, align: 1, ptrdata: 0 },
  byte: { size: 1, align: 1, ptrdata: 0 },
  int16: { size: 2, align: 2, ptrdata: 0 },
  uint16: { size: 2, align: 2, ptrdata: 0 },
  int32: { size: 4, align: 4, ptrdata: 0 },
  uint32: { size: 4, align: 4, ptrdata: 0 },
  rune: { size: 4, align: 4, ptrdata: 0 },
  float32: { size: 4, align: 4, ptrdata: 0 },
  int: { size: 8, align: 8, ptrdata: 0 },
  uint: { size: 8, align: 8, ptrdata: 0 },
  int64: { size: 8, align: 8, ptrdata: 0 },
  uint64: { size: 8, align: 8, ptrdata: 0 },
  uintptr: { size: 8, align: 8, ptrdata: 0 },
  float64: { size: 8, align: 8, ptrdata: 0 },
  complex64: { size: 8, align: 4, ptrdata: 0 },
  complex128: { size: 16, align: 8, ptrdata: 0 },
  string: { size: 16, align: 8, ptrdata: PTR },
};

const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** Layout of a type, or null when it is larger than Go allows. */
export function layoutOf(t: GoType): Layout | null {
  switch (t.kind) {
    case "basic":
      return BASIC[t.name];
    case "pointer":
    case "map":
      return { size: PTR, align: PTR, ptrdata: PTR };
    case "slice":
      return { size: 3 * PTR, align: PTR, ptrdata: PTR };
    case "any":
      return { size: 2 * PTR, align: PTR, ptrdata: 2 * PTR };
    case "array": {
      const e = layoutOf(t.elem);
      if (!e) return null;
      const size = e.size * t.length;
      if (size >= MAX_TYPE_SIZE) return null;
      const ptrdata = t.length > 0 && e.ptrdata > 0 ? (t.length - 1) * e.size + e.ptrdata : 0;
      return { size, align: e.align, ptrdata };
    }
    case "struct": {
      let offset = 0;
      let align = 1;
      let ptrdata = 0;
      for (const f of t.fields) {
        const l = layoutOf(f.type);
        if (!l) return null;
        offset = roundUp(offset, l.align);
        if (l.ptrdata > 0) ptrdata = offset + l.ptrdata;
        offset += l.size;
        align = Math.max(align, l.align);
        if (offset >= MAX_TYPE_SIZE) return null;
      }
      // A trailing zero-size field would point past the object, so the compiler pads one byte.
      const last = t.fields[t.fields.length - 1];
      if (last && offset > 0 && layoutOf(last.type)!.size === 0) offset++;
      return { size: roundUp(offset, align), align, ptrdata };
    }
  }
}
