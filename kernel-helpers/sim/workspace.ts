/**
 * The model's own scratch memory, reused from run to run: the integer arrays of a map's bucket
 * chains and its keys' hashes. A case over 200 seeds makes thousands of them; allocating each
 * anew (typed arrays live outside V8's young heap) cost more than the model's work. Runs are
 * synchronous and one at a time, so one workspace serves them all: `begin` at the start of a run
 * takes back everything the last run used.
 */

/** Arrays up to this many integers are kept for reuse; larger ones are left to the collector. */
const MAX_KEPT = 2 ** 16;

/** Integer arrays lent out for one run. */
export class Workspace {
  private readonly free = new Map<number, Int32Array[]>();
  private readonly lent: Int32Array[] = [];

  /** Starts a run: every array lent before is free again (its contents are not to be read). */
  begin(): void {
    if (this.lent.length === 0) return; // most runs (a make alone) borrow nothing
    for (const a of this.lent) {
      if (a.length > MAX_KEPT) continue;
      const list = this.free.get(a.length);
      if (list) list.push(a);
      else this.free.set(a.length, [a]);
    }
    this.lent.length = 0;
  }

  /** A zeroed array of `length` integers, valid until the next `begin`. */
  ints(length: number): Int32Array {
    const a = this.free.get(length)?.pop();
    if (a) a.fill(0);
    const out = a ?? new Int32Array(length);
    this.lent.push(out);
    return out;
  }

  /** `a` grown to `length` integers (the start copied, the rest zero). */
  grow(a: Int32Array, length: number): Int32Array {
    const b = this.ints(length);
    b.set(a);
    return b;
  }
}

/** The one workspace of the simulator's runs. */
export const workspace = new Workspace();
