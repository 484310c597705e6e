/**
 * The classic bucket map of 1.19.8, from runtime/map.go: makemap_small, makemap (B from the
 * hint), makeBucketArray (preallocated overflow buckets from B = 4), mapassign (and its
 * _fast32/_fast64/_faststr twins, which allocate alike), hashGrow (double, or same size when there
 * are too many overflow buckets), growWork/evacuate/advanceEvacuationMark (incremental moves),
 * newoverflow/createOverflow/incrnoverflow (overflow buckets, and for pointer-free buckets the
 * h.extra.overflow slice that keeps them alive).
 *
 * Keys have no deletes, so a bucket chain fills slot by slot: the model keeps, per bucket, its
 * key count, its overflow buckets, and its keys in order (evacuate moves them in that order, and
 * the explanations name each overflow bucket as it comes). A run that only counts (the other
 * seeds) keeps no key lists: a new bucket is always empty when its old bucket is evacuated
 * (mapassign evacuates a key's old bucket before it writes to the new one), so what evacuate puts
 * there is the number of old keys that hash to it, counted once per growth, and its overflow
 * buckets follow from that number; the calls are the same, only x's and y's come in another order. Hashes
 * are uniform 32-bit per key and seed (random.ts): the runtime's aeshash with a per-map seed is
 * effectively random, and only the low bits (bucket) and bit B (evacuation half) matter.
 */
import { roundupsize } from "../alloc/msize";
import { BucketArray, Keys } from "./buckets";
import { Heap } from "./malloc";
import { Rand } from "./random";
import { growslice } from "./slice";
import { MapPlacement } from "./stack";
import { Slot, TypeInfo } from "./typeinfo";
import { workspace } from "./workspace";

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

/**
 * 2^b for the B of any map (B stays under 64: the bucket array is at most maxAlloc bytes): read
 * from a table, as `2 ** b` with a variable b calls Math.pow.
 */
const POW2 = Array.from({ length: 64 }, (_, b) => 2 ** b);

/** overLoadFactor: more than 8 keys and more than 6.5 per bucket (13 * (2^b / 2)). */
function overLoadFactor(count: number, b: number): boolean {
  return count > BUCKET && count > 6.5 * POW2[b];
}

/** tooManyOverflowBuckets: as many overflow buckets as buckets (capped at 2^15). */
function tooManyOverflowBuckets(noverflow: number, b: number): boolean {
  return noverflow >= POW2[b < 15 ? b : 15];
}

/** One classic map being built by the probe. */
export class ClassicMap {
  private b = 0;
  private count = 0;
  private noverflow = 0;
  private cur: BucketArray | null = null;
  private old: BucketArray | null = null;
  /** The keys inserted, made with the first one (a make alone needs none). */
  private keys: Keys | null = null;
  private sameSize = false;
  private nevacuate = 0;
  private extra = false;
  /** h.extra.overflow: null, or the slice's len and cap. */
  private overflowSlice: { len: number; cap: number } | null = null;
  /** Preallocated overflow buckets left (h.extra.nextOverflow). */
  private spare = 0;
  /** Counting only (see the header): keys are not listed per bucket, evacuate uses `incoming`. */
  private countOnly = false;
  /** Counting only, while growing: per new bucket, how many old keys evacuate puts there. */
  private incoming: Int32Array | null = null;
  /** Keys deleted (mapdelete), which evacuate no longer moves; null until the first delete. */
  private dead: Set<number> | null = null;
  /** The number (in Keys) of the key the last assign added, for remove. */
  lastKey = 0;

  /** make(map[K]V[, hint]) placed as `placement` says, before `inserts` inserts (they size the model's own arrays). */
  constructor(private readonly heap: Heap, private readonly t: ClassicTypes, hint: number | undefined, private readonly rand: Rand, placement: MapPlacement, private readonly inserts = 0) {
    if (placement.headerOnStack) heap.note(`hmap: ${placement.why}`);
    if (hint === undefined || hint <= BUCKET) {
      if (placement.firstOnStack) {
        this.cur = this.bucketArray(1);
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
  private makeBucketArray(b: number, why: string, random: boolean): BucketArray {
    const base = POW2[b];
    const n = this.bucketsFor(b);
    const size = this.t.bucket.size;
    this.heap.malloc(size * n, !this.t.bucket.pointers, "runtime.makeBucketArray",
      this.heap.recording ? `${why}: newarray of ${n} buckets × ${size} B (${base}${n > base ? ` + ${n - base} preallocated overflow` : ""})` : "", random);
    this.spare = n - base;
    return this.bucketArray(base);
  }

  /** makeBucketArray's bucket count for B = b: 2^b, and from b = 4 spare overflow buckets to fill a size class. */
  private bucketsFor(b: number): number {
    const size = this.t.bucket.size;
    let n = POW2[b];
    if (b >= 4) {
      n += POW2[b - 4];
      const sz = size * n;
      const up = roundupsize(this.heap.version.malloc, sz, !this.t.bucket.pointers);
      if (up !== sz) n = Math.floor(up / size);
    }
    return n;
  }

  /**
   * mapdelete of key number `k` (while deleting key `n`): growWork first when growing, then its
   * slot is emptied for any later key of its chain. True when the map is empty: mapdelete then
   * draws a new hash seed (h.hash0 = fastrand()).
   */
  remove(k: number, n: number): boolean {
    const keys = this.keys!;
    const bucket = keys.hash[k] & (POW2[this.b] - 1);
    if (this.old) this.growWork(bucket, n);
    const cur = this.cur!;
    const chain = cur.at(bucket);
    if (this.countOnly) cur.addCount(chain, -1);
    else cur.unlink(chain, k, keys);
    (this.dead ??= new Set()).add(k);
    this.count--;
    return this.count === 0;
  }

  /** mapiterinit of a non-empty map: for pointer-free buckets, createOverflow makes h.extra and h.extra.overflow. */
  iterate(): void {
    if (this.count === 0 || this.t.bucket.pointers) return;
    const why = "mapiterinit: createOverflow, so the iterator can keep the overflow buckets of a pointer-free bucket type alive";
    if (!this.extra) this.newExtra("runtime.(*hmap).createOverflow", `${why}: new(mapextra)`, false);
    if (this.overflowSlice) return;
    this.overflowSlice = { len: 0, cap: 0 };
    this.heap.malloc(SLICE_HEADER, false, "runtime.(*hmap).createOverflow", `${why}: new([]*bmap)`);
  }

  /**
   * mapclear: no growth in progress, no overflow buckets, the bucket array cleared in place (and
   * its spare overflow buckets made spare again), h.extra kept but emptied. Allocates nothing.
   */
  clear(): void {
    if (this.count === 0) return;
    this.old = null;
    this.sameSize = false;
    this.nevacuate = 0;
    this.noverflow = 0;
    this.count = 0;
    this.overflowSlice = null;
    this.spare = this.bucketsFor(this.b) - POW2[this.b];
    this.cur = this.bucketArray(POW2[this.b]);
    this.keys = null;
    this.dead = null;
    this.incoming = null;
  }

  /** The model's array for `length` buckets: dense unless a large hint leaves most of it empty. */
  private bucketArray(length: number): BucketArray {
    return new BucketArray(workspace, length, length <= 4 * this.inserts + 64);
  }

  private newExtra(site: string, why: string, random: boolean): void {
    this.extra = true;
    this.heap.malloc(MAPEXTRA_SIZE, false, site, why, random);
  }

  /** Assigns key `n` (hash `hash`); `fresh` false when the key is already in the map. */
  assign(hash: number, fresh: boolean, n: number): void {
    if (this.cur === null) {
      this.cur = this.bucketArray(1);
      this.heap.malloc(this.t.bucket.size, !this.t.bucket.pointers, `runtime.${this.t.assign}`, `insert ${n}: the first insert allocates the first bucket (newobject(t.bucket), ${this.t.bucket.size} B)`);
    }
    if (fresh && this.count >= BUCKET) this.heap.hashDependent = true;
    // Only dense arrays are counted (a huge hint with few keys is listed): later ones are all dense.
    if (this.keys === null) this.countOnly = !this.heap.recording && this.cur.dense;
    for (;;) {
      const bucket = hash & (POW2[this.b] - 1);
      if (this.old) this.growWork(bucket, n);
      if (!fresh) return;
      if (!this.old && (overLoadFactor(this.count + 1, this.b) || tooManyOverflowBuckets(this.noverflow, this.b))) {
        this.hashGrow(n);
        continue;
      }
      const cur = this.cur!;
      const chain = cur.at(bucket);
      if (cur.count(chain) === BUCKET * (1 + cur.overflow(chain))) this.newoverflow(cur, chain, n, -1, 0);
      const keys = (this.keys ??= new Keys(workspace, Math.min(this.inserts, 2 ** 16), !this.countOnly));
      const k = keys.add(hash);
      this.lastKey = k;
      if (this.countOnly) cur.addCount(chain, 1);
      else cur.push(chain, k, keys);
      this.count++;
      const { key, elem } = this.t;
      if (key.indirect) this.heap.malloc(key.type.size, !key.type.pointers, `runtime.${this.t.assign}`, this.heap.recording ? `insert ${n}: the key (${key.type.size} B > 128 B) is stored indirectly, newobject per new key` : "");
      if (elem.indirect) this.heap.malloc(elem.type.size, !elem.type.pointers, `runtime.${this.t.assign}`, this.heap.recording ? `insert ${n}: the element (${elem.type.size} B > 128 B) is stored indirectly, newobject per new key` : "");
      return;
    }
  }

  /** hashGrow: a bucket array twice as large, or as large when overflow buckets pile up. */
  private hashGrow(n: number): void {
    const bigger = overLoadFactor(this.count + 1, this.b);
    const why = !this.heap.recording
      ? ""
      : bigger
      ? `insert ${n}: ${this.count + 1} keys exceed 6.5 per bucket for B = ${this.b}, hashGrow doubles to B = ${this.b + 1}`
      : `insert ${n}: ${this.noverflow} overflow buckets for B = ${this.b}, hashGrow rebuilds at the same size`;
    this.old = this.cur;
    this.cur = this.makeBucketArray(this.b + (bigger ? 1 : 0), why, !bigger);
    if (bigger) this.b++;
    this.sameSize = !bigger;
    if (this.countOnly) this.countIncoming();
    this.nevacuate = 0;
    this.noverflow = 0;
    if (this.overflowSlice) this.overflowSlice = null; // h.extra.oldoverflow = h.extra.overflow
    if (this.spare > 0 && !this.extra) this.newExtra("runtime.hashGrow", this.heap.recording ? `${why}: new(mapextra) for the preallocated overflow buckets` : "", false);
  }

  /** Counting only: how many of the map's keys each new bucket gets from evacuation. */
  private countIncoming(): void {
    const keys = this.keys!;
    const incoming = (this.incoming = workspace.ints(this.cur!.length));
    const mask = POW2[this.b] - 1;
    const hash = keys.hash;
    const dead = this.dead;
    if (dead === null) for (let k = 1; k <= keys.size; k++) incoming[hash[k] & mask]++;
    else for (let k = 1; k <= keys.size; k++) if (!dead.has(k)) incoming[hash[k] & mask]++;
  }

  /** Counting only: evacuate puts `incoming[dst]` keys into the empty new bucket `dst`. */
  private fillFrom(ob: number, dst: number, n: number): void {
    const count = this.incoming![dst];
    if (count === 0) return;
    const cur = this.cur!;
    const to = cur.at(dst);
    // Key i of an empty chain needs an overflow bucket when i - 1 = 8, 16, ...
    for (let i = BUCKET; i < count; i += BUCKET) this.newoverflow(cur, to, n, ob, dst);
    cur.addCount(to, count);
  }

  /** growWork: evacuate the old bucket this key maps to, and one more. */
  private growWork(bucket: number, n: number): void {
    const oldMask = POW2[this.sameSize ? this.b : this.b - 1] - 1;
    this.evacuate(bucket & oldMask, n);
    if (this.old) this.evacuate(this.nevacuate, n);
  }

  /** evacuate: move one old bucket's keys to their new bucket (x), or x and x+newbit (y), in order. */
  private evacuate(ob: number, n: number): void {
    const old = this.old!;
    const newbit = old.length;
    const from = old.at(ob);
    if (!old.isEvacuated(from) && this.countOnly) {
      this.fillFrom(ob, ob, n);
      if (!this.sameSize) this.fillFrom(ob, ob + newbit, n);
      old.markEvacuated(from);
    } else if (!old.isEvacuated(from)) {
      const cur = this.cur!;
      const keys = this.keys!;
      for (let k = old.head(from); k !== 0; ) {
        const next = keys.next[k];
        const dst = !this.sameSize && (keys.hash[k] & newbit) !== 0 ? ob + newbit : ob;
        const to = cur.at(dst);
        if (cur.count(to) === BUCKET * (1 + cur.overflow(to))) this.newoverflow(cur, to, n, ob, dst);
        cur.push(to, k, keys);
        k = next;
      }
      old.markEvacuated(from);
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

  /**
   * newoverflow: a spare preallocated bucket or newobject; pointer-free buckets are kept in
   * h.extra.overflow. For chain `chain` of `array`, while inserting key `n`: its chain was full, or
   * (ob ≥ 0) evacuating old bucket `ob` filled new bucket `dst`.
   */
  private newoverflow(array: BucketArray, chain: number, n: number, ob: number, dst: number): void {
    const heap = this.heap;
    heap.hashDependent = true;
    const t = this.t;
    // The explanation is only built when it is kept: the other seeds' runs only count.
    const why = !heap.recording ? "" : ob < 0 ? `insert ${n}: its bucket chain is full` : `insert ${n}: evacuating old bucket ${ob} fills new bucket ${dst}`;
    if (this.spare > 0) {
      this.spare--;
      if (heap.recording) heap.note(`${why}: overflow bucket taken from the preallocated ones`);
    } else {
      heap.malloc(t.bucket.size, !t.bucket.pointers, "runtime.(*hmap).newoverflow", heap.recording ? `${why}: newobject(t.bucket), an overflow bucket` : "", true);
    }
    // incrnoverflow: exact below B = 16, then counted with probability 1/2^(B-15).
    if (this.b < 16 || (this.rand.bits() & (POW2[this.b - 15] - 1)) === 0) this.noverflow++;
    if (!t.bucket.pointers) {
      if (!this.extra) this.newExtra("runtime.(*hmap).createOverflow", heap.recording ? `${why}: createOverflow: new(mapextra)` : "", true);
      if (!this.overflowSlice) {
        this.overflowSlice = { len: 0, cap: 0 };
        heap.malloc(SLICE_HEADER, false, "runtime.(*hmap).createOverflow", heap.recording ? `${why}: createOverflow: new([]*bmap) to keep overflow buckets of a pointer-free bucket type alive` : "", true);
      }
      const s = this.overflowSlice;
      if (s.len === s.cap) s.cap = growslice(heap, t.overflowPtr, s.cap, s.len + 1, heap.recording ? `${why}: append to h.extra.overflow` : "", true, "runtime.(*hmap).newoverflow");
      s.len++;
    }
    array.addOverflow(chain);
  }
}
