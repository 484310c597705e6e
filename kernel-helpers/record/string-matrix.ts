/**
 * The strings matrix: the string and growth operations (case/string-ops.ts) on both sides of each
 * of their rules: the 32-byte stack buffer (tmpBuf) for results that do not escape, the one
 * non-empty string concatstrings returns as it is, string(b) of 0 and 1 bytes, rawbyteslice's
 * and rawruneslice's rounding to a size class, the 16-byte tiny allocator and 32 KiB large
 * objects, growslice's doubling below 256 elements and its jump to the length asked when that is
 * more than double, bytes.Buffer's 64-byte first buffer, strings.Builder.Grow's exact or rounded
 * capacity. `golab record --matrix strings` writes it as go<version>.strings.jsonl (matrices.ts).
 */
import { Case, Escape, StringOpCase } from "../case";

const concat = (lens: number[][], escape: Escape = "heap"): Case[] => lens.map((l) => ({ op: "concat", lens: l, escape }));
const loops = (runs: [number, number][], escape: Escape = "heap"): Case[] => runs.map(([len, n]) => ({ op: "concatloop", len, n, escape }));
const converts = (to: "bytes" | "string" | "runes", lens: number[], escape: Escape = "heap"): Case[] => lens.map((len) => ({ op: "convert", to, len, escape }));

type Start = { elem: string; len?: number; cap?: number };
const from = ({ elem, len, cap }: Start) => (len === undefined ? { elem, start: "nil" as const } : { elem, start: "make" as const, len, ...(cap === undefined ? {} : { cap }) });
const appends = (s: Start, adds: number[], escape: Escape = "heap"): Case[] => adds.map((add): StringOpCase => ({ op: "appendslice", ...from(s), add, escape }));
const grows = (s: Start, ns: number[], escape: Escape = "heap"): Case[] => ns.map((grow): StringOpCase => ({ op: "slicesgrow", ...from(s), grow, escape }));
const writers = (op: "builder" | "buffer", runs: [number, number, number?][], escape: Escape = "heap"): Case[] =>
  runs.map(([len, n, grow]): StringOpCase => ({ op, len, n, ...(grow === undefined ? {} : { grow }), escape }));

/** Every case of the strings matrix for a Go version ("1.19.8": no slices.Grow, which needs 1.21). */
export function stringsMatrix(go: string): Case[] {
  const slices = !/^1\.(1\d|20)(\.|$)/.test(go);
  return [
    // a + b: empty strings, one non-empty string, tiny results, the 32-byte buffer, 32 KiB.
    ...concat([[0, 0], [0, 5], [3, 5], [7, 8], [8, 8], [16, 16], [16, 17], [100, 100], [16384, 16384], [16384, 16385], [1, 2, 3], [1, 2, 3, 4, 5, 6]]),
    ...concat([[3, 5], [16, 16], [16, 17], [0, 40], [5, 5, 5, 5, 5, 5], [10, 10, 10, 10, 10, 10]], "stack"),
    ...concat([[16, 16], [16, 17]], "discard"),
    // s += x in a loop: no buffer there, tiny strings first, then size classes, then large.
    ...loops([[3, 10], [0, 10], [1, 1], [1, 2], [5, 3], [8, 2], [40, 3], [1000, 50], [100, 330]]),
    ...loops([[3, 10], [8, 4]], "stack"),
    ...loops([[3, 10]], "discard"),
    // Conversions: 0 and 1 byte, the tiny edge, rounding up, 32 and 33 against the buffer, 32 KiB.
    ...converts("bytes", [0, 1, 8, 9, 16, 17, 33, 1000, 32768, 32769]),
    ...converts("bytes", [32, 33, 1000], "stack"),
    ...converts("bytes", [32, 33], "discard"),
    ...converts("string", [0, 1, 2, 15, 16, 17, 1000, 32769]),
    ...converts("string", [1, 2, 32, 33], "stack"),
    ...converts("string", [32, 33], "discard"),
    ...converts("runes", [0, 1, 2, 4, 5, 33, 8192, 8193]),
    ...converts("runes", [0, 32, 33], "stack"),
    ...converts("runes", [33], "discard"),
    // append(s, t...): within cap, more than double (the length asked), doubling, 1.25× past 256.
    ...appends({ elem: "int" }, [0, 1, 3, 5, 1000, 4096, 4097]),
    ...appends({ elem: "int", len: 3 }, [1, 4, 7]),
    ...appends({ elem: "int", len: 0, cap: 10 }, [10, 11]),
    ...appends({ elem: "int", len: 256 }, [1]),
    ...appends({ elem: "int", len: 1000 }, [1, 2000]),
    ...appends({ elem: "byte" }, [5, 17]),
    ...appends({ elem: "byte", len: 5 }, [5]),
    ...appends({ elem: "*int" }, [3, 65]),
    ...appends({ elem: "string" }, [3]),
    ...appends({ elem: "struct{}" }, [5]),
    ...appends({ elem: "[200]byte" }, [3]),
    ...appends({ elem: "int" }, [3], "stack"),
    ...appends({ elem: "int", len: 3 }, [1], "stack"),
    ...appends({ elem: "int" }, [3], "discard"),
    // slices.Grow: room already there, cap + n growth, doubling, past 256.
    ...(slices ? [
      ...grows({ elem: "int" }, [0, 1, 5]),
      ...grows({ elem: "int", len: 3 }, [10]),
      ...grows({ elem: "int", len: 0, cap: 10 }, [10, 11]),
      ...grows({ elem: "int", len: 5, cap: 10 }, [5, 6]),
      ...grows({ elem: "int", len: 300 }, [1]),
      ...grows({ elem: "byte" }, [100]),
      ...grows({ elem: "*int" }, [3]),
      ...grows({ elem: "int" }, [3], "stack"),
      ...grows({ elem: "int", len: 3 }, [10], "stack"),
      ...grows({ elem: "int" }, [3], "discard"),
    ] : []),
    // strings.Builder: append growth of its []byte; Grow exact (1.19) or rounded (1.21+).
    ...writers("builder", [[3, 0], [3, 1], [3, 10], [8, 1], [16, 1], [16, 2], [100, 10], [1000, 100], [3, 10, 30], [3, 10, 29], [3, 10, 0], [3, 10, 5], [3, 10, 17]]),
    ...writers("builder", [[3, 10], [3, 10, 30]], "stack"),
    ...writers("builder", [[3, 10]], "discard"),
    // bytes.Buffer: the 64-byte first buffer, then at least double, rounded by append.
    ...writers("buffer", [[3, 0], [3, 1], [64, 1], [65, 1], [3, 21], [3, 22], [100, 10], [1000, 100], [3, 10, 30], [3, 10, 64], [3, 10, 65], [3, 100, 100], [3, 10, 0]]),
    ...writers("buffer", [[3, 30], [3, 10, 100]], "stack"),
    ...writers("buffer", [[3, 30]], "discard"),
  ];
}
