/**
 * The map operations past inserting: `delete` then re-insert, `clear(m)` then re-insert, and
 * `maps.Clone`. Each starts as mapinsert does (make(map[K]V[, hint]) and keys 0..n-1), so its
 * model builds on the same map models (../sim/map-ops.ts). Their Case types, fields (registered
 * in CASE_SCHEMA, case.ts), validation and short form.
 */
import { InputError } from "../errors";
import { mapOpMessages } from "../messages";
import type { Escape, FieldKind, FieldSpec, OpSpec } from "./case";

/** Insert keys 0..n-1, delete keys 0..d-1, insert keys 0..r-1 again (r ≤ d ≤ n). */
export interface MapDeleteCase {
  op: "mapdelete";
  key: string;
  elem: string;
  n: number;
  d: number;
  r: number;
  hint?: number;
  escape: Escape;
}

/** Insert keys 0..n-1, clear(m), insert keys 0..r-1 again. */
export interface MapClearCase {
  op: "mapclear";
  key: string;
  elem: string;
  n: number;
  r: number;
  hint?: number;
  escape: Escape;
}

/** Insert keys 0..n-1, then maps.Clone(m): the clone is the result. Go 1.21 and later. */
export interface MapCloneCase {
  op: "mapclone";
  key: string;
  elem: string;
  n: number;
  hint?: number;
  escape: Escape;
}

export type MapOpCase = MapDeleteCase | MapClearCase | MapCloneCase;

/** The ops of this file, in the order --help lists them. */
export const MAP_OPS = ["mapdelete", "mapclear", "mapclone"] as const;
export type MapOp = (typeof MAP_OPS)[number];

/** Most keys one of these cases inserts: the probe keeps them all in a slice. */
export const MAX_MAP_KEYS = 10_000_000;

const need = (name: string, kind: FieldKind, about: string): FieldSpec => ({ name, kind, required: true, about });
const may = (name: string, kind: FieldKind, about: string): FieldSpec => ({ name, kind, required: false, about });
const ESCAPE = may("escape", ["heap", "stack", "discard"], "heap (default): the map is stored in a package variable; stack: only its length is used; discard: _ =");
const MAP = [need("key", "type", "K"), need("elem", "type", "V"), need("n", "size", "keys 0..n-1 inserted first")];
const HINT = may("hint", "size", "make's size hint");

/** The fields of each op (registered in case.ts CASE_SCHEMA). */
export const MAP_OP_SCHEMA: Record<MapOp, OpSpec> = {
  mapdelete: {
    go: "m := make(map[K]V[, hint]); insert keys 0..n-1; delete keys 0..d-1; insert keys 0..r-1 again",
    fields: [...MAP, need("d", "size", "keys deleted (d ≤ n)"), need("r", "size", "deleted keys inserted again (r ≤ d)"), HINT, ESCAPE],
  },
  mapclear: {
    go: "m := make(map[K]V[, hint]); insert keys 0..n-1; clear(m); insert keys 0..r-1 again",
    fields: [...MAP, need("r", "size", "keys inserted after the clear"), HINT, ESCAPE],
  },
  mapclone: {
    go: "m := make(map[K]V[, hint]); insert keys 0..n-1; maps.Clone(m) (Go 1.21 and later)",
    fields: [...MAP, HINT, ESCAPE],
  },
};

/** True for the ops of this file. */
export function isMapOp(op: string): op is MapOp {
  return (MAP_OPS as readonly string[]).includes(op);
}

/** The case of a map op from its fields, each read by its kind (parse.ts checks the map type). */
export function buildMapOp(op: MapOp, v: Record<string, unknown>, key: string, elem: string, escape: Escape): MapOpCase {
  const n = v.n as number;
  const hint = v.hint as number | undefined;
  for (const [name, value] of [["n", n], ["r", v.r as number | undefined]] as const) {
    if (value !== undefined && value > MAX_MAP_KEYS) throw new InputError(mapOpMessages.tooManyKeys(name, value, MAX_MAP_KEYS), String(value));
  }
  const tail = { ...(hint === undefined ? {} : { hint }), escape };
  switch (op) {
    case "mapdelete": {
      const d = v.d as number;
      const r = v.r as number;
      if (d > n) throw new InputError(mapOpMessages.deleteMoreThanInserted(d, n), String(d));
      if (r > d) throw new InputError(mapOpMessages.reinsertMoreThanDeleted(r, d), String(r));
      return { op, key, elem, n, d, r, ...tail };
    }
    case "mapclear":
      return { op, key, elem, n, r: v.r as number, ...tail };
    case "mapclone":
      return { op, key, elem, n, ...tail };
  }
}

/** The map a short form starts from: `map[K]V` or `make(map[K]V, hint)`. */
export function mapStartText(c: MapOpCase): string {
  return c.hint === undefined ? `map[${c.key}]${c.elem}` : `make(map[${c.key}]${c.elem}, ${c.hint})`;
}

/** The call of a map op's short form (describeCase adds `_ = ` and the flags). */
export function mapOpCall(c: MapOpCase): string {
  switch (c.op) {
    case "mapdelete":
      return `delete(${mapStartText(c)}, ${c.n}, ${c.d}, ${c.r})`;
    case "mapclear":
      return `clear(${mapStartText(c)}, ${c.n}, ${c.r})`;
    case "mapclone":
      return `maps.Clone(${mapStartText(c)}, ${c.n})`;
  }
}
