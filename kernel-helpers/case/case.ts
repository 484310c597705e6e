/**
 * The Case: one input for every backend (../../ARCHITECTURE.md in shared/). Plain JSON, so it
 * travels unchanged between the CLI, notebooks, datasets and tests. Key and element types are Go
 * type expressions in their canonical spelling, produced by parseCase: a Case that came through
 * parseCase is safe to write into Go source.
 */

/**
 * Where the result goes: `heap` stores it in a typed package-level variable, `stack` keeps it in
 * the probe function, `discard` writes `_ = make(...)` as the article's program does.
 */
export const ESCAPES = ["heap", "stack", "discard"] as const;
export type Escape = (typeof ESCAPES)[number];

export const OPS = ["makemap", "makeslice", "append", "mapinsert"] as const;
export type Op = (typeof OPS)[number];

/** `make(map[K]V)` or `make(map[K]V, hint)` */
export interface MakeMapCase {
  op: "makemap";
  key: string;
  elem: string;
  hint?: number;
  escape: Escape;
}

/** `make([]T, len, cap)`; `constSize: false` makes the sizes variables the compiler cannot see. */
export interface MakeSliceCase {
  op: "makeslice";
  elem: string;
  len: number;
  cap?: number;
  constSize?: boolean;
  escape: Escape;
}

/** Start from `var s []T` or `make([]T, len, cap)`, then `n` single appends. */
export interface AppendCase {
  op: "append";
  elem: string;
  n: number;
  start: "nil" | "make";
  len?: number;
  cap?: number;
  escape: Escape;
}

/** `make(map[K]V[, hint])`, then insert keys 0..n-1; `freshElem` stores a new pointer each time. */
export interface MapInsertCase {
  op: "mapinsert";
  key: string;
  elem: string;
  n: number;
  hint?: number;
  freshElem?: boolean;
  escape: Escape;
}

export type Case = MakeMapCase | MakeSliceCase | AppendCase | MapInsertCase;

/** The fields each op accepts, in the order they are written out. */
export const FIELDS: Record<Op, readonly string[]> = {
  makemap: ["op", "key", "elem", "hint", "escape"],
  makeslice: ["op", "elem", "len", "cap", "constSize", "escape"],
  append: ["op", "elem", "n", "start", "len", "cap", "escape"],
  mapinsert: ["op", "key", "elem", "n", "hint", "freshElem", "escape"],
};

/** Go-like one-line description: `make(map[int]int, 1000)`, `append×1000 to nil []int`. */
export function describeCase(c: Case): string {
  const where = c.escape === "heap" ? "" : ` [${c.escape}]`;
  switch (c.op) {
    case "makemap":
      return `make(map[${c.key}]${c.elem}${c.hint === undefined ? "" : `, ${c.hint}`})${where}`;
    case "makeslice": {
      const args = c.cap === undefined ? `${c.len}` : `${c.len}, ${c.cap}`;
      return `make([]${c.elem}, ${args})${c.constSize === false ? " (variable size)" : ""}${where}`;
    }
    case "append": {
      const from = c.start === "nil" ? "nil" : `make([]${c.elem}, ${c.len ?? 0}${c.cap === undefined ? "" : `, ${c.cap}`})`;
      return `${c.n}× append to ${from} []${c.elem}${where}`;
    }
    case "mapinsert":
      return `${c.n} inserts into make(map[${c.key}]${c.elem}${c.hint === undefined ? "" : `, ${c.hint}`})${c.freshElem ? " (new value each)" : ""}${where}`;
  }
}
