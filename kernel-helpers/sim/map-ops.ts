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
  const insert = (id: number, n: number) => {
    const fresh = !present[id];
    if (classic) {
      classic.assign(hashes[id], fresh, n);
      if (fresh) numbers[id] = classic.lastKey;
    } else if (fresh) swiss!.insert(hashes[id], n);
    if (fresh) live++;
    present[id] = true;
  };
  for (let i = 0; i < c.n; i++) insert(ids[i], i + 1);
  if (c.op === "mapclone") {
    swiss!.clone();
    return;
  }
  const remove = (upTo: number) => {
    const had = live;
    for (let i = 0; i < upTo; i++) {
      const id = ids[i];
      if (!present[id]) continue;
      present[id] = false;
      live--;
      if (classic) classic.remove(numbers[id], i + 1);
      else swiss!.remove(hashes[id]);
    }
    // The last key deleted: both runtimes draw a new hash seed.
    if (live === 0 && had > 0) swiss?.reseed();
    return live === 0 && had > 0;
  };
  let reseeded = false;
  if (c.op === "mapclear" && classic && v.compiler.debug) {
    // 1.19 has no clear builtin, and a -N build keeps the range-and-delete loop (walk/range.go isMapClear).
    heap.note("-N -l keeps `for k := range m { delete(m, k) }` a loop: an iterator and one mapdelete per key, not runtime.mapclear");
    classic.iterate();
    reseeded = remove(c.n);
  } else if (c.op === "mapclear") {
    if (live > 0) reseeded = true;
    classic?.clear();
    swiss?.clear();
    present.fill(false);
    live = 0;
  } else reseeded = remove(c.d);
  if (reseeded) for (let id = 0; id < hashes.length; id++) hashes[id] = rand.bits();
  for (let i = 0; i < c.r; i++) insert(ids[i], c.n + i + 1);
}
