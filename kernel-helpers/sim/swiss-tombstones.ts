/**
 * Delete, clear and clone on the Swiss maps of 1.26.8 and 1.27.3 (internal/runtime/maps: map.go
 * Delete, deleteSmall, Clear, Clone; table.go Delete, PutSlot, pruneTombstones, Clear, clone;
 * group.go cloneGroup), built on SwissMap.
 *
 * A deleted slot becomes empty when its group has an empty slot, else a tombstone, and an insert
 * takes the first tombstone on its probe sequence (quadratic over groups) before an empty slot.
 * A key inserted again usually goes back where it was, but one whose tombstone another key took
 * may go on to an empty slot, and a table inserted up to its 7/8 load then grows or splits (about
 * 1 run in 50 of delete(map[int]int, 896, 448, 448): its first 448 keys were moved in by the
 * last grow, in slot order, and go back in key order); when the last key is deleted, Delete draws a
 * new hash seed and the new keys' sequences start afresh. So before a table's first delete the
 * model lays its keys out by groups, each from a random start (the low bits of its hash), in
 * insertion order (the runtime's order after a grow differs; the counts that matter are alike),
 * and follows tombstones, empty slots, pruneTombstones and growthLeft from there: those cases are
 * hash-dependent. Clear empties every table and draws a new seed; Clone
 * copies the header, the directory and each table's groups, and each indirect key and element.
 */
import { Heap } from "./malloc";
import { Rand } from "./random";
import { MapPlacement } from "./stack";
import { SwissMap, SwissTypes, Table } from "./swissmap";

const SLOTS = 8;
const MAP_SIZE = 48;
const TABLE_SIZE = 32;

/** Per group of a table: its tombstones, its empty slots, and the probe start of each key in it. */
export interface TombstoneGroups {
  deleted: Int32Array;
  empty: Int32Array;
  starts: number[][];
}

function maxGrowthLeft(capacity: number): number {
  return capacity <= SLOTS ? capacity - 1 : Math.floor((capacity * 7) / SLOTS);
}

/**
 * probeSeq: the triangular sequence over a power-of-two number of groups (mask + 1), which visits
 * each group once; the first group from `start` for which `stop` is true, or -1.
 */
function probe(start: number, mask: number, stop: (group: number) => boolean): number {
  for (let offset = start, i = 1; i <= mask + 1; offset = (offset + i) & mask, i++) if (stop(offset)) return offset;
  return -1;
}

/** A Swiss map that can also delete, clear and be cloned. */
export class SwissMapOps extends SwissMap {
  constructor(heap: Heap, t: SwissTypes, hint: number | undefined, placement: MapPlacement, private readonly rand: Rand) {
    super(heap, t, hint, placement);
  }

  /** The live keys: the map's `used`. */
  get used(): number {
    if (this.dir.length === 0) return this.smallHashes.length;
    return this.distinctTables().reduce((sum, t) => sum + t.used, 0);
  }

  private distinctTables(): Table[] {
    return this.dir.filter((t, i) => i === 0 || t !== this.dir[i - 1]);
  }

  private tableOf(hash: number): Table {
    return this.dir[this.dir.length === 1 ? 0 : hash >>> (32 - this.globalDepth)];
  }

  /**
   * Lays table `t` out by groups, once, before its first delete: each key at the first group with
   * room on its probe sequence from a random start (the low bits of its hash), in the order the
   * table got them: the keys its grow or split moved in first, in the old table's slot order
   * (which follows the hashes, so a random order here), then the later ones as inserted. The
   * order matters: keys inserted again in the order they were placed take back their own
   * tombstones, and only keys placed in another order take each other's.
   */
  private positions(t: Table): TombstoneGroups {
    if (t.groups) return t.groups;
    this.heap.hashDependent = true;
    const groups = t.capacity / SLOTS;
    const g: TombstoneGroups = { deleted: new Int32Array(groups), empty: new Int32Array(groups).fill(SLOTS), starts: Array.from({ length: groups }, () => []) };
    const carried = Math.min(t.carried ?? 0, t.hashes.length);
    for (let i = carried - 1; i > 0; i--) {
      const j = (this.rand.bits() >>> 0) % (i + 1);
      [t.hashes[i], t.hashes[j]] = [t.hashes[j], t.hashes[i]];
    }
    t.hashes.forEach((hash, i) => {
      const start = this.rand.bits() & (groups - 1);
      const at = probe(start, groups - 1, (off) => g.empty[off] > 0);
      this.place(g, at, start, hash);
      g.empty[at]--;
      this.indexOf.set(hash, i);
    });
    return (t.groups = g);
  }

  private place(g: TombstoneGroups, group: number, start: number, hash: number): void {
    g.starts[group].push(start);
    this.startOf.set(hash, start);
    this.groupOf.set(hash, group);
  }

  /** Per key hash in a laid-out table: its probe start, its group, and its index in the table's hashes. */
  private readonly startOf = new Map<number, number>();
  private readonly groupOf = new Map<number, number>();
  private readonly indexOf = new Map<number, number>();

  /**
   * delete(m, k) of a key with `hash` that is in the map: the small map frees its slot; a table's
   * slot becomes empty when its group has an empty slot, else a tombstone. No allocation.
   */
  remove(hash: number): void {
    if (this.dir.length === 0) {
      const list = this.smallHashes;
      list[list.lastIndexOf(hash)] = list[list.length - 1];
      list.pop();
      return;
    }
    const t = this.tableOf(hash);
    const g = this.positions(t);
    const group = this.groupOf.get(hash)!;
    const starts = g.starts[group];
    starts.splice(starts.indexOf(this.startOf.get(hash)!), 1);
    if (g.empty[group] > 0) {
      g.empty[group]++;
      t.growthLeft++;
    } else g.deleted[group]++;
    // Swap-remove: the table's list of hashes has no order that matters.
    const i = this.indexOf.get(hash)!;
    const last = t.hashes.pop()!;
    if (i < t.hashes.length) {
      t.hashes[i] = last;
      this.indexOf.set(last, i);
    }
    t.used--;
  }

  /** The last key deleted: Delete draws a new hash seed, so the keys inserted next start afresh. */
  reseed(): void {
    this.startOf.clear();
    this.groupOf.clear();
    this.indexOf.clear();
  }

  /** table.PutSlot where tombstones may be: false when the table must rehash. */
  protected putWithTombstones(t: Table, hash: number): boolean {
    const g = t.groups!;
    const mask = t.capacity / SLOTS - 1;
    const start = this.startOf.get(hash) ?? this.rand.bits() & mask;
    let firstDeleted = -1;
    const empty = probe(start, mask, (off) => {
      if (g.deleted[off] > 0 && firstDeleted < 0) firstDeleted = off;
      return g.deleted[off] === 0 && g.empty[off] > 0;
    });
    let at = firstDeleted;
    if (at >= 0) g.deleted[at]--;
    else {
      if (t.growthLeft === 0) this.pruneTombstones(t);
      if (t.growthLeft === 0 || empty < 0) return false;
      at = empty;
      g.empty[at]--;
      t.growthLeft--;
    }
    this.place(g, at, start, hash);
    t.used++;
    this.indexOf.set(hash, t.hashes.length);
    t.hashes.push(hash);
    return true;
  }

  /** table.pruneTombstones: clears the tombstones no key's probe sequence needs, if they are ≥ 10%. */
  private pruneTombstones(t: Table): void {
    const g = t.groups!;
    const mask = t.capacity / SLOTS - 1;
    if (g.deleted.reduce((a, b) => a + b, 0) * 10 < t.capacity) return;
    const needed = g.empty.map((e) => (e > 0 ? 1 : 0));
    g.starts.forEach((starts, home) => {
      for (const s of starts) {
        probe(s, mask, (off) => {
          if (off === home) return true;
          if (g.deleted[off] > 0 || g.empty[off] > 0) needed[off] = 1;
          return false;
        });
      }
    });
    let count = 0;
    needed.forEach((n, i) => (count += n ? 0 : g.deleted[i]));
    if (count * 10 < t.capacity) return;
    needed.forEach((n, i) => {
      if (n) return;
      t.growthLeft += g.deleted[i];
      g.empty[i] += g.deleted[i];
      g.deleted[i] = 0;
    });
  }

  /** clear(m): every table emptied in place (tombstones too), the small map's group cleared. */
  clear(): void {
    if (this.pending) return;
    if (this.dir.length === 0) {
      if (this.smallHashes.length > 0) this.smallHashes = [];
      return;
    }
    for (const t of this.distinctTables()) {
      t.used = 0;
      t.hashes = [];
      t.groups = undefined;
      t.growthLeft = maxGrowthLeft(t.capacity);
    }
  }

  /** Map.Clone (runtime.mapclone): a new header, the small map's group or the directory and each table. */
  clone(): void {
    const site = "internal/runtime/maps.(*Map).Clone";
    this.heap.malloc(MAP_SIZE, false, site, "maps.Clone → runtime.mapclone: new(Map), a copy of the 48-byte header");
    const g = this.t.group;
    const keys = this.used;
    if (this.pending) this.materialize();
    if (this.dir.length === 0) {
      if (!this.hasGroup) {
        this.heap.note("maps.Clone of a map with no group yet copies only the header");
        return;
      }
      this.heap.malloc(g.size, !g.pointers, "internal/runtime/maps.newGroups", `maps.Clone: a copy of the small map's one group (${g.size} B)`);
    } else {
      this.heap.malloc(8 * this.dir.length, false, site, `maps.Clone: make([]*table, ${this.dir.length}), a copy of the directory`);
      for (const t of this.distinctTables()) {
        this.heap.malloc(TABLE_SIZE, false, "internal/runtime/maps.(*table).clone", "maps.Clone: new(table), a copy of one table");
        const groups = t.capacity / SLOTS;
        this.heap.malloc(g.size * groups, !g.pointers, "internal/runtime/maps.newGroups", `maps.Clone: a copy of the table's ${groups} group${groups === 1 ? "" : "s"} × ${g.size} B`);
      }
    }
    const { key, elem } = this.t;
    for (let i = 0; i < keys; i++) {
      const why = this.heap.recording ? `maps.Clone: cloneGroup copies key ${i + 1}'s indirect` : "";
      if (key.indirect) this.heap.malloc(key.type.size, !key.type.pointers, "internal/runtime/maps.cloneGroup", why && `${why} key (newobject)`);
      if (elem.indirect) this.heap.malloc(elem.type.size, !elem.type.pointers, "internal/runtime/maps.cloneGroup", why && `${why} element (newobject)`);
    }
  }
}
