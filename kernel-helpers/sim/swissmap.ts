/**
 * Swiss-table maps of 1.26.8 and 1.27.3, from internal/runtime/maps: map.go (NewMap,
 * NewEmptyMap, PutSlot, putSlotSmall, growToSmall, growToTable, installTableSplit, replaceTable)
 * and table.go (newTable, reset, maxGrowthLeft, PutSlot, rehash, grow, split), group.go
 * (newGroups). runtime/map.go makemap_small and makemap call NewEmptyMap and NewMap.
 *
 * A map is a small map (one group of 8 slots, no directory) until its 9th key, then a directory
 * of tables; a table holds up to 7/8 of its capacity, doubles up to 1024 slots and then splits
 * in two by the next hash bit. Without deletes a table fills in a fixed order, so the only
 * randomness is which table a key lands in once there are several: the simulator keeps each
 * key's hash (its top 32 bits, uniform per seed) per table.
 */
import { Heap } from "./malloc";
import { MapPlacement } from "./stack";
import { Slot, TypeInfo } from "./typeinfo";
import type { TombstoneGroups } from "./swiss-tombstones";

/** Slots per group and the largest table (abi.MapGroupSlots, maps.maxTableCapacity). */
const SLOTS = 8;
const MAX_TABLE = 1024;
/** maxAvgGroupLoad = 7 (of 8 slots). */
const LOAD = 7;
const MAP_SIZE = 48; // maps.Map: used, seed, dirPtr, dirLen, depth/shift/writing/tombstone bytes, clearSeq
const TABLE_SIZE = 32; // maps.table: used, capacity, growthLeft, localDepth, index, groups{data, lengthMask}
const MAX_ALLOC = 2 ** 48;
const NEW_MAP = "internal/runtime/maps.NewMap";

/** Empty until a key arrives: shared, never written (each map makes its own on first use). */
const NO_HASHES: number[] = [];
const NO_TABLES: Table[] = [];

/** The map's types as the runtime sees them. */
export interface SwissTypes {
  key: Slot;
  elem: Slot;
  group: TypeInfo;
}

export interface Table {
  capacity: number;
  used: number;
  growthLeft: number;
  localDepth: number;
  index: number;
  hashes: number[];
  /** How many of `hashes` (the first ones) grow or split moved here, in the old table's slot order. */
  carried?: number;
  /** After the last key was deleted: the tables' groups, for tombstones (swiss-tombstones.ts). */
  groups?: TombstoneGroups;
}

/** alignUpPow2 (group.go): the next power of two. */
function pow2Ceil(n: number): number {
  if (n <= 1) return 1;
  // A shift, not `2 **` (a call to Math.pow): the same power of two up to 2^30.
  if (n <= 2 ** 30) return (n & (n - 1)) === 0 ? n : 1 << (32 - Math.clz32(n - 1));
  return 2 ** Math.ceil(Math.log2(n));
}

/** table.maxGrowthLeft: capacity-1 for one group, 7/8 of it above. */
function maxGrowthLeft(capacity: number): number {
  return capacity <= SLOTS ? capacity - 1 : Math.floor((capacity * LOAD) / SLOTS);
}

/** A new empty table of `capacity` slots at directory `index`. */
function tableOf(capacity: number, index: number, localDepth: number): Table {
  return { capacity, used: 0, growthLeft: maxGrowthLeft(capacity), localDepth, index, hashes: [] };
}

/** One Swiss map being built by the probe. */
export class SwissMap {
  protected hasGroup = false;
  /** The small map's keys' hashes; made with its group (a make alone needs none). */
  protected smallHashes: number[] = NO_HASHES;
  protected dir: Table[] = NO_TABLES;
  protected globalDepth = 0;
  protected tables = 0;
  /** NewMap's tables, allocated but not yet made entries of `dir` (a make alone never needs them). */
  protected pending: { count: number; capacity: number; depth: number } | null = null;
  /** The last explanations built by newTable (NewMap makes many tables alike). */
  private texts: { why: string; cap: number; table: string; groups: string } | null = null;

  /** make(map[K]V[, hint]) placed as `placement` says. */
  constructor(protected readonly heap: Heap, protected readonly t: SwissTypes, hint: number | undefined, placement: MapPlacement) {
    if (placement.headerOnStack) heap.note(`Map header: ${placement.why}`);
    if (hint === undefined || hint <= SLOTS) {
      if (placement.firstOnStack) {
        this.hasGroup = true;
        heap.note("make with hint ≤ 8 keeps its first group in the frame too: no allocation until the 9th key");
        return;
      }
      // walkMakeMap: a constant hint ≤ 8 that escapes calls runtime.makemap_small → maps.NewEmptyMap.
      heap.malloc(MAP_SIZE, false, "internal/runtime/maps.NewEmptyMap", "runtime.makemap_small → maps.NewEmptyMap: new(Map), the 48-byte map header; no group until the first insert (hint ≤ 8)");
      return;
    }
    if (!placement.headerOnStack) heap.malloc(MAP_SIZE, false, NEW_MAP, "runtime.makemap → maps.NewMap: new(Map), the 48-byte map header");
    this.sizeFor(hint);
  }

  private sizeFor(hint: number): void {
    // NewMap: targetCapacity := hint*8/7; dirSize := alignUpPow2(ceil(target/1024)).
    const target = Math.floor((hint * SLOTS) / LOAD);
    const dirSize = pow2Ceil(Math.ceil(target / MAX_TABLE));
    if (dirSize * MAX_TABLE * this.t.group.size > MAX_ALLOC) {
      this.heap.note(`hint ${hint} would need more than maxAlloc bytes of groups: NewMap returns an empty map`);
      return;
    }
    this.heap.expect(2 * dirSize + 2);
    // dirSize is a power of two: its log2 from the leading zeros while it fits 31 bits.
    this.globalDepth = dirSize <= 2 ** 30 ? 31 - Math.clz32(dirSize) : Math.log2(dirSize);
    this.allocDirectory(dirSize, NEW_MAP, `make([]*table, ${dirSize}), the directory for hint ${hint} (${target} slots at 7/8 load)`, false);
    // newTable: `if capacity < abi.MapGroupSlots { capacity = abi.MapGroupSlots }`, then alignUpPow2.
    const capacity = pow2Ceil(Math.max(Math.floor(target / dirSize), SLOTS));
    const why = dirSize === 1 ? `NewMap: the table for hint ${hint}` : `NewMap: one of ${dirSize} tables for hint ${hint}`;
    // Every table alike: the first one's two calls, made again for the others.
    this.heap.mark();
    this.allocTable(capacity, why, false);
    if (this.heap.repeatMarked(dirSize - 1)) this.tables += dirSize - 1;
    else for (let i = 1; i < dirSize; i++) this.allocTable(capacity, why, false);
    this.pending = { count: dirSize, capacity, depth: this.globalDepth };
  }

  /** The tables NewMap allocated, as the directory's entries (wanted only once a key arrives). */
  protected materialize(): void {
    const { count, capacity, depth } = this.pending!;
    this.pending = null;
    this.dir = [];
    for (let i = 0; i < count; i++) this.dir.push(tableOf(capacity, i, depth));
  }

  /** The directory, make([]*table, entries): a pointer slice, so scan, with a malloc header above 512 bytes. */
  protected allocDirectory(entries: number, site: string, why: string, random: boolean): void {
    this.heap.malloc(8 * entries, false, site, `${why} (runtime.makeslice)`, random);
  }

  /** newTable: new(table), then reset → newGroups → newarray(group, capacity/8); `cap` is a power of two ≥ 8. */
  private newTable(cap: number, index: number, localDepth: number, why: string, random: boolean): Table {
    this.allocTable(cap, why, random);
    return tableOf(cap, index, localDepth);
  }

  /** newTable's two allocations. */
  protected allocTable(cap: number, why: string, random: boolean): void {
    const groups = cap / SLOTS;
    const g = this.t.group;
    if (this.heap.recording && (this.texts?.why !== why || this.texts.cap !== cap)) {
      this.texts = { why, cap, table: `${why}: new(table)`, groups: `${why}: newarray of ${groups} group${groups === 1 ? "" : "s"} × ${g.size} B (capacity ${cap} slots)` };
    }
    this.heap.malloc(TABLE_SIZE, false, "internal/runtime/maps.newTable", this.texts?.table ?? "", random);
    this.heap.malloc(g.size * groups, !g.pointers, "internal/runtime/maps.newGroups", this.texts?.groups ?? "", random);
    this.tables++;
  }

  protected slotAllocs(n: number, site: string): void {
    const { key, elem } = this.t;
    const recording = this.heap.recording;
    if (key.indirect) this.heap.malloc(key.type.size, !key.type.pointers, site, recording ? `insert ${n}: the key (${key.type.size} B > 128 B) is stored indirectly, newobject per new key` : "");
    if (elem.indirect) this.heap.malloc(elem.type.size, !elem.type.pointers, site, recording ? `insert ${n}: the element (${elem.type.size} B > 128 B) is stored indirectly, newobject per new key` : "");
  }

  /** m[k] = v with `hash`: a key already present allocates nothing in a Swiss map. */
  assign(hash: number, fresh: boolean, n: number): void {
    if (fresh) this.insert(hash, n);
  }

  /** Inserts a new key with top-32-bit hash `hash` (insert number `n`, for the explanations). */
  insert(hash: number, n: number): void {
    if (this.pending) this.materialize();
    if (this.dir.length === 0) {
      if (!this.hasGroup) {
        this.hasGroup = true;
        const g = this.t.group;
        this.heap.malloc(g.size, !g.pointers, "internal/runtime/maps.(*Map).growToSmall", `insert ${n}: the first insert into an empty map allocates its one group (${g.size} B, 8 slots)`);
      }
      if (this.smallHashes.length < SLOTS) {
        if (this.smallHashes === NO_HASHES) this.smallHashes = [];
        this.smallHashes.push(hash);
        this.slotAllocs(n, "internal/runtime/maps.(*Map).putSlotSmall");
        return;
      }
      this.growToTable(n);
    }
    for (;;) {
      const multi = this.tables > 1;
      if (multi) this.heap.hashDependent = true;
      const t = this.dir[this.dir.length === 1 ? 0 : hash >>> (32 - this.globalDepth)];
      if (t.groups) {
        if (this.putWithTombstones(t, hash)) {
          this.slotAllocs(n, "runtime.mapassign");
          return;
        }
      } else if (t.growthLeft > 0) {
        t.growthLeft--;
        t.used++;
        t.hashes.push(hash);
        this.slotAllocs(n, "runtime.mapassign");
        return;
      }
      this.rehash(t, n, multi);
    }
  }

  /** Tables with tombstones place keys in swiss-tombstones.ts (SwissMapOps); false: rehash. */
  protected putWithTombstones(_t: Table, _hash: number): boolean {
    return false;
  }

  /** growToTable: the 9th key turns the small map into one table of 16 slots and a directory of 1. */
  private growToTable(n: number): void {
    const t = this.newTable(2 * SLOTS, 0, 0, `insert ${n}: the small map is full (8 keys), growToTable`, false);
    t.hashes = this.smallHashes;
    t.used = this.smallHashes.length;
    t.growthLeft -= t.used;
    this.allocDirectory(1, "internal/runtime/maps.(*Map).growToTable", `insert ${n}: the directory, make([]*table, 1)`, false);
    this.dir = [t];
    this.globalDepth = 0;
  }

  /** table.rehash: double the table up to 1024 slots, else split it. */
  protected rehash(t: Table, n: number, random: boolean): void {
    const why = `insert ${n}: a table of ${t.capacity} slots is full (${t.used} keys, 7/8 load)`;
    if (2 * t.capacity <= MAX_TABLE) {
      const nt = this.newTable(2 * t.capacity, t.index, t.localDepth, `${why}, grow to ${2 * t.capacity} slots`, random);
      nt.hashes = t.hashes;
      nt.used = t.used;
      nt.carried = t.used;
      nt.growthLeft -= t.used;
      this.tables--;
      this.replaceTable(nt);
      return;
    }
    this.split(t, why, random);
  }

  private replaceTable(nt: Table): void {
    const entries = 2 ** (this.globalDepth - nt.localDepth);
    for (let i = 0; i < entries; i++) this.dir[nt.index + i] = nt;
  }

  /** table.split and Map.installTableSplit: two full-size tables by the next hash bit. */
  private split(t: Table, why: string, random: boolean): void {
    this.heap.hashDependent = true;
    const depth = t.localDepth + 1;
    const left = this.newTable(MAX_TABLE, -1, depth, `${why} at the 1024-slot maximum, split: left table`, random);
    const right = this.newTable(MAX_TABLE, -1, depth, `${why} at the 1024-slot maximum, split: right table`, random);
    for (const h of t.hashes) {
      const side = (h >>> (32 - depth)) & 1 ? right : left;
      side.hashes.push(h);
    }
    for (const s of [left, right]) {
      s.used = s.hashes.length;
      s.carried = s.used;
      s.growthLeft -= s.used;
    }
    this.tables--;
    if (t.localDepth === this.globalDepth) {
      const old = this.dir;
      this.allocDirectory(2 * old.length, "internal/runtime/maps.(*Map).installTableSplit", `${why}: the split table was at the directory's depth, so the directory doubles to ${2 * old.length} entries`, random);
      this.dir = new Array<Table>(2 * old.length);
      old.forEach((x, i) => {
        this.dir[2 * i] = x;
        this.dir[2 * i + 1] = x;
        if (x.index === i) x.index = 2 * i;
      });
      this.globalDepth++;
    }
    left.index = t.index;
    this.replaceTable(left);
    right.index = left.index + 2 ** (this.globalDepth - depth);
    this.replaceTable(right);
  }
}
