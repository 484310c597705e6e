/**
 * delete then re-insert, clear then re-insert, and maps.Clone (case/map-ops.ts) on either map
 * implementation: the keys go in as mapinsert's do (mapcase.ts), then the bucket map's
 * ClassicMap.remove and clear (classicmap.ts) or the Swiss map's SwissMapOps
 * (swiss-tombstones.ts) take over. A map emptied by deletes or cleared draws a new hash seed in
 * both runtimes, so the keys inserted after it get new hashes.
 */
import { MapOpCase } from "../case";
import { InputError } from "../errors";
import { mapOpMessages } from "../messages";
import { ClassicMap } from "./classicmap";
import { keyStream } from "./keys";
import { classicTypes, swissTypes } from "./mapcase";
import { Heap } from "./malloc";
import { Rand } from "./random";
import { makeMapPlacement } from "./stack";
import { SwissMapOps } from "./swiss-tombstones";
import { typeInfo } from "./typeinfo";
import { VersionModel } from "./versions";

/** Allocations of one map-op case. */
export function simulateMapOp(v: VersionModel, heap: Heap, c: MapOpCase, rand: Rand): void {
  if (c.op === "mapclone" && v.maps === "classic") throw new InputError(mapOpMessages.needsMaps(v.go), "mapclone");
  // maps.Clone hands the map to the runtime as an interface: it escapes whatever becomes of the clone.
  const placement = makeMapPlacement(c.op === "mapclone" ? "heap" : c.escape, c.hint);
  const later = c.op === "mapclone" ? 0 : c.r;
  const classic = v.maps === "classic" ? new ClassicMap(heap, classicTypes(c.key, c.elem), c.hint, rand, placement, c.n + later) : null;
  const swiss = classic ? null : new SwissMapOps(heap, swissTypes(c.key, c.elem), c.hint, placement, rand);
  const keys = keyStream(typeInfo(c.key).tree);
  const total = Math.max(c.n, later);
  // Per insert index its key's id; per id its hash, whether it is in the map, its number in ClassicMap.
  const ids = new Int32Array(total);
  const hashes: number[] = [];
  const present: boolean[] = [];
  const numbers: number[] = [];
  let live = 0;
  for (let i = 0; i < total; i++) {
    ids[i] = keys.next(i);
    if (keys.fresh) hashes.push(rand.bits());
  }
  const insert = (id: number, n: number, restore: boolean) => {
    const fresh = !present[id];
    if (classic) {
      classic.assign(hashes[id], fresh, n);
      if (fresh) numbers[id] = classic.lastKey;
    } else if (fresh) {
      if (restore) swiss!.restore(hashes[id], n);
      else swiss!.insert(hashes[id], n);
    }
    if (fresh) live++;
    present[id] = true;
  };
  for (let i = 0; i < c.n; i++) insert(ids[i], i + 1, false);
  if (c.op === "mapclone") {
    swiss!.clone();
    return;
  }
  let reseeded = false;
  if (c.op === "mapclear") {
    if (live > 0) reseeded = true;
    classic?.clear();
    swiss?.clear();
    present.fill(false);
    live = 0;
  } else {
    const deleting = new Set<number>();
    for (let i = 0; i < c.d; i++) deleting.add(ids[i]);
    // Every key deleted: the Swiss tables keep tombstones where groups were full (swiss-tombstones.ts).
    const all = deleting.size === live && live > 0;
    if (swiss && all) swiss.removeAll();
    for (let i = 0; i < c.d; i++) {
      const id = ids[i];
      if (!present[id]) continue;
      present[id] = false;
      live--;
      if (classic) reseeded = classic.remove(numbers[id], i + 1) || reseeded;
      else if (!all) swiss!.remove(hashes[id]);
    }
    reseeded ||= all;
  }
  if (reseeded) for (let id = 0; id < hashes.length; id++) hashes[id] = rand.bits();
  for (let i = 0; i < c.r; i++) insert(ids[i], c.n + i + 1, c.op === "mapdelete" && !reseeded);
}
