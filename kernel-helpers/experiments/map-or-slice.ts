/**
 * Chapter 5's decision: holding n key/value pairs in a map[int]int or in a slice of
 * struct{key int; value int}, with the size known up front (make with a hint or a capacity) or
 * not (insert into an empty map, append to a nil slice): what each costs in mallocs and bytes,
 * measured. The time to find one key or visit every element is ./lookup.ts.
 */
import { Case } from "../case";
import { measure } from "../measure";
import { checkSizes, Structure } from "./lookup";

export type Sizing = "size known" | "size unknown";

/** What holding n pairs one way cost, measured. */
export interface CollectionCostRow {
  go: string;
  n: number;
  structure: Structure;
  sizing: Sizing;
  case: Case;
  /** Median over the runs (a map's count depends on its hash seed). */
  mallocs: number;
  allocatedBytes: number;
  /** Fewest and most mallocs over the runs, where they varied. */
  range?: [number, number];
}

export interface CollectionCostOptions {
  go?: string;
  sizes: readonly number[];
  /** Calls of each case (a map's count depends on its hash seed: the median is kept). */
  runs: number;
}

/** The element a slice holds to carry what a map[int]int entry does. */
export const PAIR = "struct{key int; value int}";

/** The four ways of holding n pairs, as cases. */
export function collectionCases(n: number): { structure: Structure; sizing: Sizing; case: Case }[] {
  return [
    { structure: "map", sizing: "size unknown", case: { op: "mapinsert", key: "int", elem: "int", n, escape: "heap" } },
    { structure: "map", sizing: "size known", case: { op: "mapinsert", key: "int", elem: "int", n, hint: n, escape: "heap" } },
    { structure: "slice", sizing: "size unknown", case: { op: "append", elem: PAIR, n, start: "nil", escape: "heap" } },
    { structure: "slice", sizing: "size known", case: { op: "append", elem: PAIR, n, start: "make", len: 0, cap: n, escape: "heap" } },
  ];
}

/** Measures the four ways at every size on one Go version (one probe, optimized). */
export async function collectionCosts({ go, sizes, runs }: CollectionCostOptions): Promise<CollectionCostRow[]> {
  const ways = checkSizes(sizes).flatMap(collectionCases);
  const measured = await measure(ways.map((w) => w.case), { go, runs });
  return measured.map((r, i): CollectionCostRow => ({
    go: r.go, n: (ways[i].case as { n: number }).n, structure: ways[i].structure, sizing: ways[i].sizing, case: ways[i].case,
    mallocs: r.mallocs, allocatedBytes: r.allocatedBytes,
    ...(r.distribution ? { range: [r.distribution.min, r.distribution.max] as [number, number] } : {}),
  }));
}
