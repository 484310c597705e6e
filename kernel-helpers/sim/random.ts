/**
 * A seeded pseudo-random generator for hash-dependent runs. The real runtime draws a fresh hash
 * seed per map (1.19.8 runtime/map.go makemap: `h.hash0 = fastrand()`; 1.26.8
 * internal/runtime/maps/map.go NewMap: `m.seed = uintptr(rand())`) and hashes keys with aeshash,
 * which behaves as a uniformly random function of (seed, key). The simulator therefore gives each
 * distinct key an independent uniform 32-bit hash per seed. Same seed, same run: the model stays
 * pure and repeatable.
 */

/** mulberry32: small, fast, and good enough for bucket indexes and coin flips. */
export class Rand {
  private state: number;

  /** A generator for run `seed` (any integer). */
  constructor(seed: number) {
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x27d4eb2f) >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    return this.bits() >>> 0;
  }

  /**
   * The same 32 random bits as u32, read as a signed integer: what bitwise operators see anyway
   * (`h & mask`, `h >>> s` give the same results), and V8 keeps it a small integer rather than
   * converting a double above 2^31 on every use, which had been a third of a map run's time.
   */
  bits(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  }
}
