/**
 * Delete, clear and clone on the Swiss maps of 1.26.8 and 1.27.3 (internal/runtime/maps: map.go
 * Delete, deleteSmall, Clear, Clone; table.go Delete, PutSlot, pruneTombstones, Clear, clone;
 * group.go cloneGroup), built on SwissMap.
 *
 * A deleted slot becomes empty when its group has an empty slot, else a tombstone, and an insert
 * prefers the first tombstone on its probe sequence. Keys deleted and inserted again with the same
 * hash never need more room: each goes back to its own slot or an earlier tombstone, and takes an
 * empty slot only if its own became empty. So only when the last key is deleted, and Delete draws a
 * new hash seed, do tombstones decide anything: then a group that was full holds only tombstones
 * and the others are empty, and the new keys' probe sequences (quadratic over groups) decide
 * whether a table runs out of room, prunes tombstones, or grows. The model lays the keys out again
 * in insertion order (the runtime's order after a grow differs; the counts that matter are alike),
 * which makes those cases hash-dependent. Clear empties every table and draws a new seed; Clone
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

/** probeSeq.next: the triangular sequence over a power-of-two number of groups. */
function* probe(start: number, mask: number): Generator<number> {
  let offset = start;
  for (let i = 1; i <= mask + 1; i++) {
    yield offset;
    offset = (offset + i) & mask;
  }
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

  /** delete(m, k) of a key with `hash` that is in the map, when other keys stay: no allocation. */
  remove(hash: number): void {
    const list = this.dir.length === 0 ? this.smallHashes : this.tableOf(hash).hashes;
    const at = list.lastIndexOf(hash);
    list[at] = list[list.length - 1];
    list.pop();
    if (this.dir.length !== 0) this.tableOf(hash).used--;
  }

  /** m[k] = v again for a deleted key of the same hash (see the header: it fits where it was). */
  restore(hash: number, n: number): void {
    if (this.dir.length === 0) {
      this.insert(hash, n);
      return;
    }
    const t = this.tableOf(hash);
    t.hashes.push(hash);
    t.used++;
    this.slotAllocs(n, "runtime.mapassign");
  }

  /** Deletes every key: small maps empty their group; a table's full groups become tombstones. */
  removeAll(): void {
    if (this.pending) return;
    if (this.dir.length === 0) {
      if (this.smallHashes.length > 0) this.smallHashes = [];
      return;
    }
    this.heap.hashDependent = true;
    for (const t of this.distinctTables()) {
      const groups = t.capacity / SLOTS;
      const fill = new Int32Array(groups);
      for (let k = 0; k < t.used; k++) {
        for (const g of probe(this.rand.bits() & (groups - 1), groups - 1)) {
          if (fill[g] < SLOTS) {
            fill[g]++;
            break;
          }
        }
      }
      const full = fill.map((f) => (f === SLOTS ? 1 : 0));
      const tombstones = SLOTS * full.reduce((a, b) => a + b, 0);
      t.groups = { deleted: full.map((f) => f * SLOTS), empty: full.map((f) => (1 - f) * SLOTS), starts: Array.from({ length: groups }, () => []) };
      t.used = 0;
      t.hashes = [];
      t.growthLeft = maxGrowthLeft(t.capacity) - tombstones;
    }
    this.heap.note("the last key deleted: Delete draws a new hash seed, and tables keep their tombstones (full groups) for the keys inserted next");
  }

  /** table.PutSlot where tombstones are: false when the table must rehash. */
  protected putWithTombstones(t: Table, hash: number): boolean {
    const g = t.groups!;
    const mask = t.capacity / SLOTS - 1;
    const start = this.rand.bits() & mask;
    let firstDeleted = -1;
    let empty = -1;
    for (const off of probe(start, mask)) {
      if (g.deleted[off] > 0) {
        if (firstDeleted < 0) firstDeleted = off;
      } else if (g.empty[off] > 0) {
        empty = off;
        break;
      }
    }
    let at = firstDeleted;
    if (at >= 0) g.deleted[at]--;
    else {
      if (t.growthLeft === 0) this.pruneTombstones(t);
      if (t.growthLeft === 0 || empty < 0) return false;
      at = empty;
      g.empty[at]--;
      t.growthLeft--;
    }
    g.starts[at].push(start);
    t.used++;
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
        for (const off of probe(s, mask)) {
          if (off === home) break;
          if (g.deleted[off] > 0 || g.empty[off] > 0) needed[off] = 1;
        }
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
