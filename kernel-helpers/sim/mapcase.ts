/**
 * The probe's map cases on either map implementation: make(map[K]V[, hint]) alone, and make
 * followed by inserts of keys 0..n-1 (kernel-helpers/probe/generate.ts), with `freshElem` storing
 * new(T) each time.
 */
import { MakeMapCase, MapInsertCase } from "../case";
import { ClassicMap, ClassicTypes } from "./classicmap";
import { keyStream } from "./keys";
import { Heap } from "./malloc";
import { Rand } from "./random";
import { makeMapPlacement } from "./stack";
import { SwissMap, SwissTypes } from "./swissmap";
import { classicBucket, mapassignFunc, slotOf, swissGroup, typeInfo } from "./typeinfo";
import { VersionModel } from "./versions";
import { workspace } from "./workspace";

/** Per key type, per element type: the map's types, built once (a batch names a handful). */
const classicCache = new Map<string, Map<string, ClassicTypes>>();
const swissCache = new Map<string, Map<string, SwissTypes>>();

function cached<T>(cache: Map<string, Map<string, T>>, key: string, elem: string, make: () => T): T {
  let byElem = cache.get(key);
  if (!byElem) cache.set(key, (byElem = new Map()));
  let t = byElem.get(elem);
  if (!t) byElem.set(elem, (t = make()));
  return t;
}

export function classicTypes(key: string, elem: string): ClassicTypes {
  return cached(classicCache, key, elem, () => {
    const k = slotOf(typeInfo(key));
    const e = slotOf(typeInfo(elem));
    return { key: k, elem: e, bucket: classicBucket(k, e), overflowPtr: typeInfo("*int"), assign: mapassignFunc(k.type, e.type) };
  });
}

export function swissTypes(key: string, elem: string): SwissTypes {
  return cached(swissCache, key, elem, () => {
    const k = slotOf(typeInfo(key));
    const e = slotOf(typeInfo(elem));
    return { key: k, elem: e, group: swissGroup(k, e) };
  });
}

/** Either map: `m[k] = v` for a key with `hash`, `fresh` false when the key is already there. */
interface AnyMap {
  assign(hash: number, fresh: boolean, n: number): void;
}

function makeMap(v: VersionModel, heap: Heap, c: MakeMapCase | MapInsertCase, rand: Rand, inserts: number): AnyMap {
  const placement = makeMapPlacement(c.escape, c.hint);
  if (v.maps === "classic") return new ClassicMap(heap, classicTypes(c.key, c.elem), c.hint, rand, placement, inserts);
  return new SwissMap(heap, swissTypes(c.key, c.elem), c.hint, placement);
}

/** make(map[K]V[, hint]). */
export function simulateMakeMap(v: VersionModel, heap: Heap, c: MakeMapCase, rand: Rand): void {
  makeMap(v, heap, c, rand, 0);
}

/** make(map[K]V[, hint]) then `n` inserts of the probe's keys. */
export function simulateMapInsert(v: VersionModel, heap: Heap, c: MapInsertCase, rand: Rand): void {
  const m = makeMap(v, heap, c, rand, c.n);
  const keys = keyStream(typeInfo(c.key).tree);
  // Each distinct key's hash (ids are given in order), for the inserts that repeat a key.
  let hashes = workspace.ints(Math.max(1, Math.min(c.n, 1024)));
  let distinct = 0;
  const fresh = c.freshElem ? typeInfo(c.elem.slice(1)) : null;
  for (let i = 0; i < c.n; i++) {
    const n = i + 1;
    // `m[k] = new(T)`: a new value every time, whether the key is new or not (ONEW → runtime.newobject).
    if (fresh) {
      if (fresh.size === 0) {
        if (i === 0) heap.note(`new(${fresh.text}) of a zero-sized type is &runtime.zerobase: the compiler makes no call`);
      } else heap.malloc(fresh.size, !fresh.pointers, "runtime.newobject", heap.recording ? `insert ${n}: new(${fresh.text}) for the value` : "");
    }
    const id = keys.next(i);
    if (keys.fresh) {
      if (distinct === hashes.length) hashes = workspace.grow(hashes, 2 * hashes.length);
      hashes[distinct++] = rand.bits();
    }
    m.assign(hashes[id], keys.fresh, n);
  }
}
