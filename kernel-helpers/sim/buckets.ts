/**
 * The classic map's bucket chains as numbers, for speed: a chain (one bucket and its overflow
 * buckets) is a few integers, and its keys are a linked list through the map's `Keys`, in the
 * order they were put there, which is the order evacuate moves them in (runtime/map.go).
 * A 1000-insert map over 200 seeds makes about 100,000 chains and moves 200,000 keys: as objects
 * with arrays of hashes this was most of the simulator's time.
 * Their arrays come from the run's Workspace.
 */
import { Workspace } from "./workspace";

const NONE = new Int32Array(0);

/**
 * The keys of one map: each key's hash, and the next key in its chain (numbered from 1; 0 ends).
 * A run that only counts keys per bucket (`listed` false) keeps no chains, so no `next`.
 */
export class Keys {
  /** The hash's 32 bits as a signed integer (Rand.bits). */
  hash: Int32Array;
  next: Int32Array;
  size = 0;

  constructor(private readonly space: Workspace, capacity: number, private readonly listed = true) {
    this.hash = space.ints(capacity + 1);
    this.next = listed ? space.ints(capacity + 1) : NONE;
  }

  /** A new key with `hash`, in no chain yet: its number (from 1). */
  add(hash: number): number {
    if (this.size + 1 === this.hash.length) {
      this.hash = this.space.grow(this.hash, 2 * this.hash.length);
      if (this.listed) this.next = this.space.grow(this.next, 2 * this.next.length);
    }
    const k = ++this.size;
    this.hash[k] = hash;
    return k;
  }
}

const COUNT = 0;
const OVERFLOW = 1;
const HEAD = 2;
const TAIL = 3;
const EVACUATED = 4;
const STRIDE = 5;

/**
 * A bucket array of `length` buckets; a chain is known by its offset (valid until the next `at`).
 * A dense array keeps every bucket's chain in place, made when the array is first touched; a
 * sparse one (a huge hint and few keys) makes each chain when first touched, so that a hint of a
 * billion costs nothing up front.
 */
export class BucketArray {
  private data: Int32Array | null = null;
  /** Sparse only: each touched bucket's chain number (made when first needed: a make alone touches none). */
  private index: Map<number, number> | null = null;
  private chains = 0;

  constructor(private readonly space: Workspace, readonly length: number, private readonly isDense: boolean) {}

  /** The chain of bucket `i` (made empty when first touched): its offset for the accessors below. */
  at(i: number): number {
    if (this.isDense) {
      this.data ??= this.space.ints(this.length * STRIDE);
      return i * STRIDE;
    }
    const index = (this.index ??= new Map());
    let id = index.get(i);
    if (id === undefined) index.set(i, (id = this.newChain()));
    return id * STRIDE;
  }

  /** True when bucket `i` has been evacuated (an untouched one has not). */
  evacuated(i: number): boolean {
    if (this.data === null) return false;
    if (this.isDense) return this.data[i * STRIDE + EVACUATED] === 1;
    const id = this.index!.get(i);
    return id !== undefined && this.data[id * STRIDE + EVACUATED] === 1;
  }

  private newChain(): number {
    const need = (this.chains + 1) * STRIDE;
    if (this.data === null || need > this.data.length) {
      const length = Math.max(need, 2 * (this.data?.length ?? 0), 8 * STRIDE);
      this.data = this.data ? this.space.grow(this.data, length) : this.space.ints(length);
    }
    return this.chains++;
  }

  count(c: number): number {
    return this.data![c + COUNT];
  }

  overflow(c: number): number {
    return this.data![c + OVERFLOW];
  }

  /** One more overflow bucket in chain `c`. */
  addOverflow(c: number): void {
    this.data![c + OVERFLOW]++;
  }

  isEvacuated(c: number): boolean {
    return this.data![c + EVACUATED] === 1;
  }

  /** Counts `n` keys into chain `c` without listing them (a run that only counts). */
  addCount(c: number, n: number): void {
    this.data![c + COUNT] += n;
  }

  /** True when chains are kept in place (see the constructor). */
  get dense(): boolean {
    return this.isDense;
  }

  /** Appends key `k` (of `keys`) to chain `c`. */
  push(c: number, k: number, keys: Keys): void {
    const d = this.data!;
    keys.next[k] = 0;
    if (d[c + HEAD] === 0) d[c + HEAD] = k;
    else keys.next[d[c + TAIL]] = k;
    d[c + TAIL] = k;
    d[c + COUNT]++;
  }

  /** Takes key `k` out of chain `c` (a delete): the keys after it keep their order. */
  unlink(c: number, k: number, keys: Keys): void {
    const d = this.data!;
    let prev = 0;
    for (let x = d[c + HEAD]; x !== 0; prev = x, x = keys.next[x]) {
      if (x !== k) continue;
      if (prev === 0) d[c + HEAD] = keys.next[x];
      else keys.next[prev] = keys.next[x];
      if (d[c + TAIL] === x) d[c + TAIL] = prev;
      d[c + COUNT]--;
      return;
    }
  }

  /** The first key of chain `c` (0: none); the next ones follow through keys.next. */
  head(c: number): number {
    return this.data![c + HEAD];
  }

  /** Marks chain `c` evacuated: its keys now belong to chains of the new array. */
  markEvacuated(c: number): void {
    const d = this.data!;
    d[c + EVACUATED] = 1;
    d[c + HEAD] = 0;
    d[c + TAIL] = 0;
  }
}
