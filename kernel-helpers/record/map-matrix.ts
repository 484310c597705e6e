/**
 * The maps matrix: delete then re-insert, clear then re-insert, and maps.Clone (case/map-ops.ts)
 * on both sides of each of their rules. Swiss maps (1.26, 1.27): the small map of 8 slots (8 and 9
 * keys), a table's 7/8 load (14 and 15 keys in 16 slots, 28 and 29 in 32), the 1024-slot table
 * that splits (896 and 897 keys), delete making an empty slot or a tombstone, the seed reset when
 * the last key is deleted (d = n), clear keeping the tables, and Clone copying each table. Bucket
 * maps (1.19): 6.5 keys per bucket (8/9, 13/14, 26/27, 52/53 keys), inserts and deletes during
 * incremental evacuation, overflow buckets kept after delete and clear, clear keeping the buckets.
 * maps.Clone needs Go 1.21: 1.19 has none. `golab record --matrix maps` writes it as
 * go<version>.maps.jsonl (matrices.ts).
 */
import { Case, Escape } from "../case";

type Map = { key?: string; elem?: string; hint?: number };
const base = ({ key = "int", elem = "int", hint }: Map) => ({ key, elem, ...(hint === undefined ? {} : { hint }) });
const deletes = (m: Map, runs: [number, number, number][], escape: Escape = "heap"): Case[] =>
  runs.map(([n, d, r]) => ({ op: "mapdelete", ...base(m), n, d, r, escape }));
const clears = (m: Map, runs: [number, number][], escape: Escape = "heap"): Case[] =>
  runs.map(([n, r]) => ({ op: "mapclear", ...base(m), n, r, escape }));
const clones = (m: Map, ns: number[], escape: Escape = "heap"): Case[] => ns.map((n) => ({ op: "mapclone", ...base(m), n, escape }));

/** Every case of the maps matrix for a Go version ("1.19.8": no maps.Clone, which needs 1.21). */
export function mapsMatrix(go: string): Case[] {
  const cloneable = !/^1\.(1\d|20)(\.|$)/.test(go);
  return [
    // delete then re-insert: small map, one table below and at 7/8 load, several tables, d = n.
    ...deletes({}, [[0, 0, 0], [1, 1, 1], [8, 1, 1], [8, 8, 8], [8, 8, 0], [9, 1, 1], [9, 9, 9], [13, 5, 5], [14, 1, 1], [14, 7, 7], [14, 14, 14], [14, 14, 0]]),
    ...deletes({}, [[15, 15, 15], [26, 13, 13], [27, 27, 27], [28, 14, 14], [29, 10, 10], [53, 26, 26], [100, 50, 50], [100, 100, 100], [100, 99, 99], [100, 50, 0]]),
    ...deletes({}, [[896, 448, 448], [897, 400, 400], [1000, 1000, 1000], [1000, 500, 500], [5000, 2500, 2500]]),
    ...deletes({ hint: 100 }, [[100, 50, 50], [100, 100, 100]]),
    ...deletes({ key: "string" }, [[20, 10, 10], [100, 100, 100]]),
    ...deletes({ elem: "[200]byte" }, [[5, 3, 3], [20, 10, 10]]),
    ...deletes({ elem: "*int" }, [[20, 10, 10]]),
    ...deletes({}, [[5, 3, 3], [20, 10, 10]], "stack"),
    // clear then re-insert: nothing to clear, small map, tables kept, growing past them again.
    ...clears({}, [[0, 0], [0, 5], [1, 1], [8, 8], [8, 9], [9, 9], [14, 14], [14, 15], [15, 15], [26, 26], [27, 27], [100, 0], [100, 100], [100, 200]]),
    ...clears({}, [[896, 896], [897, 897], [1000, 1000], [1000, 2000], [5000, 5000]]),
    ...clears({ hint: 100 }, [[0, 100], [100, 150]]),
    ...clears({ key: "string" }, [[100, 100]]),
    ...clears({ elem: "[200]byte" }, [[5, 5], [20, 20]]),
    ...clears({}, [[5, 5], [20, 20]], "stack"),
    // maps.Clone: nil groups, one group, one table, several tables, the split, indirect elements.
    ...(cloneable ? [
      ...clones({}, [0, 1, 8, 9, 14, 15, 28, 29, 100, 896, 897, 1000, 5000]),
      ...clones({ hint: 100 }, [0, 100]),
      ...clones({ key: "string" }, [8, 100]),
      ...clones({ elem: "[200]byte" }, [5, 20]),
      ...clones({ elem: "*int" }, [20]),
      ...clones({}, [5, 100], "stack"),
    ] : []),
  ];
}
