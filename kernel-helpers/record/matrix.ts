/**
 * The validation matrix: the cases `golab record` measures on every Go version, and against which
 * the simulator is judged. Sizes sit on both sides of every threshold that changes what is
 * allocated: size-class edges, the 16-byte tiny allocator, the 32 KiB large-object limit, the
 * 64 KiB stack limit for constant-size make, the classic map's 8-entry bucket and 6.5 load factor
 * (hints 8/9, 13/14, 26/27, 52/53), Swiss maps' 8-slot groups and 1024-slot tables (896/897), and
 * element sizes around the classic map's 128-byte inline limit.
 */
import { Case, Escape } from "../case";

type Sized = { hint?: number };

function makemaps(key: string, elem: string, hints: (number | undefined)[], escape: Escape = "heap"): Case[] {
  return hints.map((hint): Case => ({ op: "makemap", key, elem, ...(hint === undefined ? {} : { hint }), escape }));
}

function makeslices(elem: string, lens: number[], escape: Escape = "heap", extra: { constSize?: boolean } = {}): Case[] {
  return lens.map((len): Case => ({ op: "makeslice", elem, len, ...extra, escape }));
}

function appends(elem: string, ns: number[], escape: Escape = "heap"): Case[] {
  return ns.map((n): Case => ({ op: "append", elem, n, start: "nil", escape }));
}

function inserts(key: string, elem: string, ns: number[], extra: Sized & { freshElem?: boolean } = {}, escape: Escape = "heap"): Case[] {
  return ns.map((n): Case => ({ op: "mapinsert", key, elem, n, ...extra, escape }));
}

const MAP_HINTS = [undefined, 0, 1, 8, 9, 13, 14, 26, 27, 52, 53, 104, 105, 896, 897, 1000, 1024, 1792, 1793, 100_000];

/** Every case of the validation matrix, in a stable order. */
export function validationMatrix(): Case[] {
  return [
    // make(map): hints across bucket/group/table boundaries, several key and element shapes.
    ...makemaps("int", "int", MAP_HINTS),
    ...makemaps("int", "int", [undefined, 8, 9, 1000], "stack"),
    ...makemaps("int", "int", [0, 1000], "discard"),
    ...makemaps("string", "int", [undefined, 8, 9, 1000]),
    ...makemaps("int8", "int8", [9, 1000]),
    ...makemaps("*int", "*int", [9, 1000]),
    ...makemaps("any", "any", [9]),
    ...makemaps("int", "struct{}", [undefined, 100]),
    ...makemaps("int", "[16]int", [9, 100]),
    ...makemaps("int", "[17]int", [undefined, 8, 9, 100]),
    ...makemaps("[17]int", "int", [undefined, 9]),
    ...makemaps("[32]byte", "[200]byte", [9, 100]),
    ...makemaps("struct{a int; b string}", "[4]int", [9, 1000]),
    // make([]T): size classes, tiny, 32 KiB, 64 KiB stack limit, variable sizes.
    ...makeslices("int", [0, 1, 2, 3, 4, 5, 6, 10, 16, 128, 1000, 1024, 1025, 4096, 4097, 8192, 8193, 100_000]),
    ...makeslices("int", [0, 4, 5, 10, 1024, 8192, 8193, 100_000], "stack"),
    ...makeslices("int", [1000], "discard"),
    ...makeslices("int", [1, 4, 5, 10, 1000], "stack", { constSize: false }),
    ...makeslices("int", [1, 10, 1000], "heap", { constSize: false }),
    ...makeslices("byte", [1, 8, 15, 16, 17, 33, 8192, 32768, 32769, 65536, 65537, 1 << 20]),
    ...makeslices("byte", [16, 32, 33, 65536, 65537], "stack"),
    ...makeslices("byte", [8, 32, 33], "stack", { constSize: false }),
    ...makeslices("string", [1, 10, 100]),
    ...makeslices("*int", [1, 2, 100]),
    ...makeslices("[200]byte", [1, 5]),
    ...makeslices("struct{a int; b string}", [1, 100]),
    ...makeslices("struct{}", [10]),
    ...makeslices("any", [3]),
    { op: "makeslice", elem: "int", len: 0, cap: 1000, escape: "heap" },
    { op: "makeslice", elem: "int", len: 0, cap: 1000, escape: "discard" },
    { op: "makeslice", elem: "int", len: 10, cap: 20, escape: "heap" },
    { op: "makeslice", elem: "int", len: 0, cap: 1000, escape: "stack", constSize: false },
    // append: growth steps from nil and from preallocated slices.
    ...appends("int", [0, 1, 2, 4, 5, 8, 9, 100, 256, 257, 1000, 10_000]),
    ...appends("int", [1, 4, 5, 100, 1000], "stack"),
    ...appends("byte", [1, 8, 32, 33, 100, 1000]),
    ...appends("string", [1, 100]),
    ...appends("*int", [1, 100]),
    ...appends("[200]byte", [1, 10]),
    ...appends("struct{}", [100]),
    { op: "append", elem: "int", n: 1, start: "make", len: 1000, escape: "heap" },
    { op: "append", elem: "int", n: 1000, start: "make", len: 0, cap: 1000, escape: "heap" },
    { op: "append", elem: "int", n: 1001, start: "make", len: 0, cap: 1000, escape: "heap" },
    { op: "append", elem: "int", n: 1000, start: "make", len: 0, escape: "heap" },
    // map inserts: overflow, growth, splits; values inline, indirect and fresh pointers.
    ...inserts("int", "int", [0, 1, 8, 9, 13, 14, 100, 1000]),
    ...inserts("int", "int", [1000], { hint: 1024 }),
    ...inserts("int", "int", [1000], { hint: 0 }),
    ...inserts("int", "int", [8, 9, 100], {}, "stack"),
    ...inserts("string", "int", [8, 9, 100, 1000]),
    ...inserts("int", "*int", [10, 100], { freshElem: true }),
    ...inserts("int", "*int", [100]),
    ...inserts("[17]int", "int", [9, 100]),
    ...inserts("int", "[17]int", [9, 100]),
    ...inserts("int8", "int", [300]),
    ...inserts("struct{}", "int", [10]),
  ];
}
