/**
 * Count mode: the program never returns to the lab on an allocation. Each entry point has a
 * breakpoint whose hit condition never holds ("> 10^12"), so Delve counts the hits (per goroutine,
 * when the condition holds) and resumes at once; the lab reads the counts at each probeBegin and
 * probeEnd and keeps the probe goroutine's difference.
 *
 * Breakpoints (entrypoints.ts): runtime.mallocgc, each size-specialised function, and the line
 * where mallocgc returns &zerobase, which counts the size-0 calls. Without size-specialised malloc,
 * mallocgc has no condition (evaluating one costs time on every hit): its size-0 calls are
 * subtracted. With it, mallocgc counts only `size >= limit`; smaller sizes are counted at the
 * specialised function they always reach.
 */
import { HitCounts } from "../dlv";
import { GolabError } from "../errors";
import { traceMessages } from "../messages";
import { EntryPlan, MALLOCGC } from "./entrypoints";
import { Session, walkMarkers } from "./session";

/** A hit condition that never holds: the breakpoint counts and never stops. */
export const NEVER_STOP = "> 1000000000000";

/** One case's counts on the probe goroutine. */
export interface CaseCounts {
  /** Allocations with size > 0 (MemStats.Mallocs). */
  mallocs: number;
  /** Size-0 mallocgc calls. */
  zero: number;
  /** Allocations counted at each entry function. */
  byEntry: Record<string, number>;
  /** Hits on other goroutines inside the case's window (not counted). */
  otherGoroutines: number;
}

/** Counts each case's allocations; the session must be at probeBegin(0). */
export async function countAllocations(s: Session, plan: EntryPlan): Promise<CaseCounts[]> {
  const entries = new Map<number, string>();
  for (const fn of plan.functions) {
    const condition = fn === MALLOCGC && plan.specialised ? `size >= ${plan.limit}` : undefined;
    const bp = await s.client.createBreakpoint({ function: fn, condition, hitCondition: NEVER_STOP });
    entries.set(bp.id, fn);
  }
  const zero = await s.client.createBreakpoint({ file: plan.zeroReturn.file, line: plan.zeroReturn.line, hitCondition: NEVER_STOP });
  const snapshot = async () => new Map((await s.client.listBreakpoints()).map((h): [number, HitCounts] => [h.id, h]));
  const onG = (h: HitCounts | undefined) => h?.byGoroutine.get(s.goroutine) ?? 0;
  const results: CaseCounts[] = [];
  let before = new Map<number, HitCounts>();
  await walkMarkers(s, {
    onBegin: async () => {
      before = await snapshot();
    },
    onEnd: async () => {
      const after = await snapshot();
      const counts: CaseCounts = { mallocs: 0, zero: 0, byEntry: {}, otherGoroutines: 0 };
      for (const id of [...entries.keys(), zero.id]) {
        const mine = onG(after.get(id)) - onG(before.get(id));
        const all = (after.get(id)?.total ?? 0) - (before.get(id)?.total ?? 0);
        counts.otherGoroutines += all - mine;
        const fn = entries.get(id);
        if (fn === undefined) {
          counts.zero = mine;
        } else if (mine > 0) {
          counts.mallocs += mine;
          counts.byEntry[fn] = mine;
        }
      }
      if (!plan.specialised) {
        // mallocgc counted every call; the size-0 ones are not allocations.
        counts.mallocs -= counts.zero;
        const left = (counts.byEntry[MALLOCGC] ?? 0) - counts.zero;
        if (left > 0) counts.byEntry[MALLOCGC] = left;
        else delete counts.byEntry[MALLOCGC];
      }
      results.push(counts);
    },
    onHit: async (hit) => {
      throw new GolabError(traceMessages.unexpectedStop("a marker", `breakpoint ${hit.breakpointId} in ${hit.function}`));
    },
  });
  return results;
}
