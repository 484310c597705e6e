/**
 * The objects matrix: new(T) and &T{}, make(chan T, n), any(x) and closures, with cases on both
 * sides of each rule the simulator applies to them (sim/newobject.ts, chan.ts, box.ts,
 * closure.ts): the tiny allocator's 16 bytes and its blocks, size classes, the 512-byte malloc
 * header, 1.27's 80-byte size-specialised entry points, the 64 KiB implicit stack limit, zero
 * sizes.
 */
import { Case, Escape } from "../case";

function news(type: string, ns: (number | undefined)[], escape: Escape = "heap", literal = false): Case[] {
  return ns.map((n): Case => ({ op: "new", type, ...(n === undefined ? {} : { n }), ...(literal ? { literal } : {}), escape }));
}

function chans(elem: string, caps: (number | undefined)[], escape: Escape = "heap"): Case[] {
  return caps.map((cap): Case => ({ op: "makechan", elem, ...(cap === undefined ? {} : { cap }), escape }));
}

function boxes(type: string, values: (number | boolean | string | undefined)[], escape: Escape = "heap"): Case[] {
  return values.map((value): Case => ({ op: "box", type, ...(value === undefined ? {} : { value }), escape }));
}

function closure(captures: string[], reassigned = false, escape: Escape = "heap"): Case {
  return { op: "closure", captures, ...(reassigned ? { reassigned } : {}), escape };
}

/** Every case of the objects matrix, in a stable order. */
export function objectsMatrix(): Case[] {
  return [
    // new(T): tiny (noscan < 16 B) packing and its blocks, 16 B, classes, pointers, headers, 80 B, 64 KiB.
    ...news("int8", [undefined, 16, 17]),
    ...news("int32", [undefined, 4, 5, 10]),
    ...news("int", [undefined, 2, 3]),
    ...news("[3]byte", [5, 6]),
    ...news("[15]byte", [undefined, 2]),
    ...news("[16]byte", [undefined, 2]),
    ...news("struct{}", [undefined, 3]),
    ...news("[0]int", [undefined]),
    ...news("*int", [undefined, 3]),
    ...news("string", [undefined]),
    ...news("[10]int", [undefined]),
    ...news("[80]byte", [undefined]),
    ...news("[81]byte", [undefined]),
    ...news("[10]*int", [undefined]),
    ...news("[11]*int", [undefined]),
    ...news("[64]*int", [undefined]),
    ...news("[65]*int", [undefined]),
    ...news("[72]*int", [undefined]),
    ...news("[4096]byte", [undefined]),
    ...news("[32768]byte", [undefined]),
    ...news("[32769]byte", [undefined]),
    ...news("[65536]byte", [undefined]),
    ...news("struct{a int; b string}", [undefined, 2], "heap", true),
    ...news("[100]byte", [undefined], "heap", true),
    ...news("[10]int", [undefined], "stack"),
    ...news("[65536]byte", [undefined], "stack"),
    ...news("[65537]byte", [undefined], "stack"),
    ...news("[65537]byte", [undefined], "discard"),
    ...news("int", [3], "discard"),
    // make(chan T, cap): hchan alone (mem 0), hchan + buffer in one noscan allocation, or new(hchan)
    // and a scanned buffer; size classes, the 512-byte header of a pointerful buffer, large buffers.
    ...chans("int", [undefined, 0, 1, 2, 4, 5, 16, 100, 4081, 4082, 4084, 4085, 10_000]),
    ...chans("int", [undefined, 10], "stack"),
    ...chans("int", [10], "discard"),
    ...chans("byte", [1, 16, 17, 32]),
    ...chans("struct{}", [undefined, 1000]),
    ...chans("[0]int", [10]),
    ...chans("*int", [undefined, 1, 2, 64, 65, 10_000]),
    ...chans("string", [1, 32, 33]),
    ...chans("any", [3]),
    ...chans("[100]byte", [1, 400]),
    ...chans("struct{a int; p *int}", [4]),
    // any(x): staticuint64s below 256 (convT16/32/64, single bytes, bools), zero values, pointer
    // shapes, zero sizes, convTstring/convTslice/convT/convTnoptr, the 1024-byte stack temporary.
    ...boxes("int", [undefined, 1, 255, 256, -1, 1_000_000]),
    ...boxes("int8", [-1]),
    ...boxes("uint8", [255]),
    ...boxes("bool", [true]),
    ...boxes("int16", [255, 256, -1]),
    ...boxes("uint16", [65535]),
    ...boxes("int32", [255, 256]),
    ...boxes("uint32", [4294967295]),
    ...boxes("uint64", [255, 256]),
    ...boxes("uintptr", [256]),
    ...boxes("float32", [undefined, 1]),
    ...boxes("float64", [undefined, 0.5, 5e-324]),
    ...boxes("string", [undefined, "hello"]),
    ...boxes("[2]byte", [undefined]),
    ...boxes("[1]int16", [undefined]),
    ...boxes("[2]int32", [undefined]),
    ...boxes("complex64", [undefined]),
    ...boxes("complex128", [undefined]),
    ...boxes("[3]int", [undefined]),
    ...boxes("struct{a int; b string}", [undefined]),
    ...boxes("struct{a string}", [undefined]),
    ...boxes("[]int", [undefined]),
    ...boxes("map[int]int", [undefined]),
    ...boxes("*int", [undefined]),
    ...boxes("[1]*int", [undefined]),
    ...boxes("struct{a *int}", [undefined]),
    ...boxes("struct{}", [undefined]),
    ...boxes("[100]byte", [undefined]),
    ...boxes("[64]*int", [undefined]),
    ...boxes("[65]*int", [undefined]),
    ...boxes("[1024]byte", [undefined]),
    ...boxes("[1024]byte", [undefined], "stack"),
    ...boxes("[1025]byte", [undefined], "stack"),
    ...boxes("[1025]byte", [undefined], "discard"),
    ...boxes("int", [300], "stack"),
    ...boxes("int", [300], "discard"),
    // closures: none captured (static), by value up to 128 B, by reference (reassigned or larger),
    // 1.26's shared allocation of small pointer-free variables (16 B), the closure's own size classes.
    closure([]),
    closure(["int"]),
    closure(["int32"]),
    closure(["int", "string"]),
    closure(["[16]int"]),
    closure(["[17]int"]),
    closure(["[10]int", "[10]int"]),
    closure(["*int", "map[int]int"]),
    closure(["[8]string"]),
    closure(["[9]string"]),
    closure(["int"], true),
    closure(["int32", "int32"], true),
    closure(["int32", "int32", "int64"], true),
    closure(["int64", "int64"], true),
    closure(["int64", "int64", "int64"], true),
    closure(["int8", "int64", "int16"], true),
    closure(["[15]byte", "byte"], true),
    closure(["[16]byte", "int32"], true),
    closure(["int32", "*int", "int32"], true),
    closure(["string"], true),
    closure(["struct{}"], true),
    closure(["struct{}", "int"]),
    closure(["int", "int", "int", "int", "int", "int", "int", "int"], true),
    closure(["int"], false, "stack"),
    closure(["int"], true, "stack"),
    closure(["[17]int"], false, "discard"),
  ];
}
