/**
 * The classic bucket map of 1.19.8, from runtime/map.go: makemap_small, makemap (B from the
 * hint), makeBucketArray (preallocated overflow buckets from B = 4), mapassign (and its
 * _fast32/_fast64/_faststr twins, which allocate alike), hashGrow (double, or same size when there
 * are too many overflow buckets), growWork/evacuate/advanceEvacuationMark (incremental moves),
 * newoverflow/createOverflow/incrnoverflow (overflow buckets, and for pointer-free buckets the
 * h.extra.overflow slice that keeps them alive).
 *
 * Keys have no deletes, so a bucket chain fills slot by slot: the model keeps, per bucket, its
 * key count, its overflow buckets, and its keys' hashes (needed when they are evacuated). Hashes
 * are uniform 32-bit per key and seed (random.ts): the runtime's aeshash with a per-map seed is
 * effectively random, and only the low bits (bucket) and bit B (evacuation half) matter.
 */
import { roundupsize } from "../alloc/msize";
import { Heap } from "./malloc";
import { Rand } from "./random";
import { growslice } from "./slice";
import { MapPlacement } from "./stack";
import { Slot, TypeInfo } from "./typeinfo";

/** bucketCnt, and loadFactorNum/loadFactorDen = 13/2. */
const BUCKET = 8;
const HMAP_SIZE = 48; // hmap: count, flags, B, noverflow, hash0, buckets, oldbuckets, nevacuate, extra
const MAPEXTRA_SIZE = 24; // mapextra: overflow, oldoverflow *[]*bmap; nextOverflow *bmap
const SLICE_HEADER = 24; // new([]*bmap)
const MAX_ALLOC = 2 ** 48;

/** The map's types as the runtime sees them. */
export interface ClassicTypes {
  key: Slot;
  elem: Slot;
  bucket: TypeInfo;
  /** *bmap, the element of h.extra.overflow. */
  overflowPtr: TypeInfo;
  /** runtime.mapassign, or the _fast32/_fast64/_fast64ptr/_faststr variant the compiler calls. */
  assign: string;
}

/** overLoadFactor: more than 8 keys and more than 6.5 per bucket. */
function overLoadFactor(count: number, b: number): boolean {
  return count > BUCKET && count > 13 * (2 ** b / 2);
}

/** tooManyOverflowBuckets: as many overflow buckets as buckets (capped at 2^15). */
function tooManyOverflowBuckets(noverflow: number, b: number): boolean {
  return noverflow >= 2 ** Math.min(b, 15);
}

/** One bucket and its overflow chain: keys in it, overflow buckets, the keys' hashes (for evacuation). */
interface Chain {
  count: number;
  overflow: number;
  hashes: number[];
  /** Old buckets only: already evacuated. */
  evacuated: boolean;
}

/** A bucket array; chains are made when first touched, so a huge hint costs nothing up front. */
class Buckets {
  private readonly chains = new Map<number, Chain>();
  constructor(readonly length: number) {}

  at(i: number): Chain {
    let c = this.chains.get(i);
    if (!c) this.chains.set(i, (c = { count: 0, overflow: 0, hashes: [], evacuated: false }));
    return c;
  }

  evacuated(i: number): boolean {
    return this.chains.get(i)?.evacuated ?? false;
  }
}

/** One classic map being built by the probe. */
export class ClassicMap {
  private b = 0;
  private count = 0;
  private noverflow = 0;
  private cur: Buckets | null = null;
  private old: Buckets | null = null;
  private sameSize = false;
  private nevacuate = 0;
  private extra = false;
  /** h.extra.overflow: null, or the slice's len and cap. */
  private overflowSlice: { len: number; cap: number } | null = null;
  /** Preallocated overflow buckets left (h.extra.nextOverflow). */
  private spare = 0;

  /** make(map[K]V[, hint]) placed as `placement` says. */
  constructor(private readonly heap: Heap, private readonly t: ClassicTypes, hint: number | undefined, private readonly rand: Rand, placement: MapPlacement) {
    if (placement.headerOnStack) heap.note(`hmap: ${placement.why}`);
    if (hint === undefined || hint <= BUCKET) {
      if (placement.firstOnStack) {
        this.cur = new Buckets(1);
        heap.note("make with hint ≤ 8 keeps its first bucket in the frame too: no allocation until the map grows");
        return;
      }
      heap.malloc(HMAP_SIZE, false, "runtime.makemap_small", "makemap_small: new(hmap), the 48-byte map header; buckets come with the first insert (hint ≤ 8)");
      return;
    }
    if (!placement.headerOnStack) heap.malloc(HMAP_SIZE, false, "runtime.makemap", "makemap: new(hmap), the 48-byte map header");
    // makemap: `if overflow || mem > maxAlloc { hint = 0 }`, then the smallest B that holds hint at 6.5 per bucket.
    const h = hint * t.bucket.size > MAX_ALLOC ? 0 : hint;
    while (overLoadFactor(h, this.b)) this.b++;
    if (this.b !== 0) {
      this.cur = this.makeBucketArray(this.b, `makemap: hint ${hint} needs B = ${this.b}`, false);
      if (this.spare > 0) this.newExtra("runtime.makemap", "makemap: new(mapextra) to hold the preallocated overflow buckets", false);
    }
  }

  /** makeBucketArray: 2^b buckets, plus 2^(b-4) spare overflow buckets from b = 4, rounded up to a size class. */
  private makeBucketArray(b: number, why: string, random: boolean): Buckets {
    const base = 2 ** b;
    let n = base;
    const size = this.t.bucket.size;
    if (b >= 4) {
      n += 2 ** (b - 4);
      const sz = size * n;
      const up = roundupsize(this.heap.version.malloc, sz, !this.t.bucket.pointers);
      if (up !== sz) n = Math.floor(up / size);
    }
    this.heap.malloc(size * n, !this.t.bucket.pointers, "runtime.makeBucketArray",
      `${why}: newarray of ${n} buckets × ${size} B (${base}${n > base ? ` + ${n - base} preallocated overflow` : ""})`, random);
    this.spare = n - base;
    return new Buckets(base);
  }

  private newExtra(site: string, why: string, random: boolean): void {
    this.extra = true;
    this.heap.malloc(MAPEXTRA_SIZE, false, site, why, random);
  }

  /** Assigns key `n` (hash `hash`); `fresh` false when the key is already in the map. */
  assign(hash: number, fresh: boolean, n: number): void {
    if (this.cur === null) {
      this.cur = new Buckets(1);
      this.heap.malloc(this.t.bucket.size, !this.t.bucket.pointers, `runtime.${this.t.assign}`, `insert ${n}: the first insert allocates the first bucket (newobject(t.bucket), ${this.t.bucket.size} B)`);
    }
    if (fresh && this.count >= BUCKET) this.heap.hashDependent = true;
    for (;;) {
      const bucket = hash & (2 ** this.b - 1);
      if (this.old) this.growWork(bucket, n);
      if (!fresh) return;
      if (!this.old && (overLoadFactor(this.count + 1, this.b) || tooManyOverflowBuckets(this.noverflow, this.b))) {
        this.hashGrow(n);
        continue;
      }
      const chain = this.cur!.at(bucket);
      if (chain.count === BUCKET * (1 + chain.overflow)) this.newoverflow(chain, `insert ${n}: its bucket chain is full`);
      chain.count++;
      chain.hashes.push(hash);
      this.count++;
      const { key, elem } = this.t;
      if (key.indirect) this.heap.malloc(key.type.size, !key.type.pointers, `runtime.${this.t.assign}`, `insert ${n}: the key (${key.type.size} B > 128 B) is stored indirectly, newobject per new key`);
      if (elem.indirect) this.heap.malloc(elem.type.size, !elem.type.pointers, `runtime.${this.t.assign}`, `insert ${n}: the element (${elem.type.size} B > 128 B) is stored indirectly, newobject per new key`);
      return;
    }
  }

  /** hashGrow: a bucket array twice as large, or as large when overflow buckets pile up. */
  private hashGrow(n: number): void {
    const bigger = overLoadFactor(this.count + 1, this.b);
    const why = bigger
      ? `insert ${n}: ${this.count + 1} keys exceed 6.5 per bucket for B = ${this.b}, hashGrow doubles to B = ${this.b + 1}`
      : `insert ${n}: ${this.noverflow} overflow buckets for B = ${this.b}, hashGrow rebuilds at the same size`;
    this.old = this.cur;
    this.cur = this.makeBucketArray(this.b + (bigger ? 1 : 0), why, !bigger);
    if (bigger) this.b++;
    this.sameSize = !bigger;
    this.nevacuate = 0;
    this.noverflow = 0;
    if (this.overflowSlice) this.overflowSlice = null; // h.extra.oldoverflow = h.extra.overflow
    if (this.spare > 0 && !this.extra) this.newExtra("runtime.hashGrow", `${why}: new(mapextra) for the preallocated overflow buckets`, false);
  }

  /** growWork: evacuate the old bucket this key maps to, and one more. */
  private growWork(bucket: number, n: number): void {
    const oldMask = 2 ** (this.sameSize ? this.b : this.b - 1) - 1;
    this.evacuate(bucket & oldMask, n);
    if (this.old) this.evacuate(this.nevacuate, n);
  }

  /** evacuate: move one old bucket's keys to their new bucket (x), or x and x+newbit (y). */
  private evacuate(ob: number, n: number): void {
    const old = this.old!;
    const newbit = old.length;
    const from = old.at(ob);
    if (!from.evacuated) {
      const cur = this.cur!;
      for (const h of from.hashes) {
        const dst = !this.sameSize && (h & newbit) !== 0 ? ob + newbit : ob;
        const to = cur.at(dst);
        if (to.count === BUCKET * (1 + to.overflow)) this.newoverflow(to, `insert ${n}: evacuating old bucket ${ob} fills new bucket ${dst}`);
        to.count++;
        to.hashes.push(h);
      }
      from.evacuated = true;
      from.hashes = [];
    }
    if (ob === this.nevacuate) {
      // advanceEvacuationMark: skip buckets already evacuated, at most 1024 ahead.
      this.nevacuate++;
      const stop = Math.min(this.nevacuate + 1024, newbit);
      while (this.nevacuate !== stop && old.evacuated(this.nevacuate)) this.nevacuate++;
      if (this.nevacuate === newbit) {
        this.old = null;
        this.sameSize = false;
      }
    }
  }

  /** newoverflow: a spare preallocated bucket or newobject; pointer-free buckets are kept in h.extra.overflow. */
  private newoverflow(chain: Chain, why: string): void {
    this.heap.hashDependent = true;
    const t = this.t;
    if (this.spare > 0) {
      this.spare--;
      this.heap.note(`${why}: overflow bucket taken from the preallocated ones`);
    } else {
      this.heap.malloc(t.bucket.size, !t.bucket.pointers, "runtime.(*hmap).newoverflow", `${why}: newobject(t.bucket), an overflow bucket`, true);
    }
    // incrnoverflow: exact below B = 16, then counted with probability 1/2^(B-15).
    if (this.b < 16 || (this.rand.u32() & (2 ** (this.b - 15) - 1)) === 0) this.noverflow++;
    if (!t.bucket.pointers) {
      if (!this.extra) this.newExtra("runtime.(*hmap).createOverflow", `${why}: createOverflow: new(mapextra)`, true);
      if (!this.overflowSlice) {
        this.overflowSlice = { len: 0, cap: 0 };
        this.heap.malloc(SLICE_HEADER, false, "runtime.(*hmap).createOverflow", `${why}: createOverflow: new([]*bmap) to keep overflow buckets of a pointer-free bucket type alive`, true);
      }
      const s = this.overflowSlice;
      if (s.len === s.cap) s.cap = growslice(this.heap, t.overflowPtr, s.cap, s.len + 1, `${why}: append to h.extra.overflow`, true, "runtime.(*hmap).newoverflow");
      s.len++;
    }
    chain.overflow++;
  }
}
