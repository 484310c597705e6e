/**
 * The tiny allocator's block: the mcache's current 16-byte block (c.tiny, c.tinyoffset) that noscan
 * allocations under maxTinySize share. runtime/malloc.go mallocgc in 1.19.8, mallocgcTiny in
 * 1.26.8 and 1.27.3 (mallocgcTinySC2 with size-specialised malloc): the same steps in each.
 */

/**
 * The size class of a tiny block: _TinySizeClass = int8(2), the 16-byte class (runtime/malloc.go
 * in 1.19.8; internal/runtime/gc/sizeclasses.go `TinySizeClass = 2` in 1.26.8 and 1.27.3).
 */
export const TINY_SIZE_CLASS = 2;

/** The tiny block of one goroutine's mcache, as the tiny allocator moves it. */
export class TinyBlock {
  private open = false;
  private offset = 0;

  /**
   * A fresh mcache: no block. The probe's harness calls runtime.ReadMemStats right before each
   * case, which flushes the mcache (mcache.releaseAll drops c.tiny).
   */
  reset(): void {
    this.open = false;
    this.offset = 0;
  }

  /**
   * Places `size` bytes (noscan, under `blockSize`): the offset inside the current block where they
   * fit, or -1 when they take a new block of `blockSize` bytes.
   */
  place(size: number, blockSize: number): number {
    // Align the offset for the size: `if size&7 == 0 { off = alignUp(off, 8) } else if size&3 == 0
    // { off = alignUp(off, 4) } else if size&1 == 0 { off = alignUp(off, 2) }` (offsets stay under 16).
    let off = this.offset;
    if ((size & 7) === 0) off = (off + 7) & ~7;
    else if ((size & 3) === 0) off = (off + 3) & ~3;
    else if ((size & 1) === 0) off = (off + 1) & ~1;
    if (this.open && off + size <= blockSize) {
      this.offset = off + size;
      return off;
    }
    // A new block replaces the old one only if it has more room left (`if size < c.tinyoffset || c.tiny == 0`).
    if (!this.open || size < this.offset) {
      this.open = true;
      this.offset = size;
    }
    return -1;
  }
}
