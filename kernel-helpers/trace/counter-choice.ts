/**
 * Which counter count mode uses when told `auto`.
 *
 * Where dlv and the program share one CPU (pinned to it, the default where the lab may use two or
 * more: proc/cpu-pin.ts; or the machine's only one), breakpoints: a hit then costs about 0.1 ms,
 * a uprobe event 0.13 to 0.15 ms, and uprobes add a fixed time besides (bench/RESULTS.md, count
 * mode rows).
 *
 * Unpinned, each breakpoint hit costs about 0.5 ms. Uprobes cost a fixed time that breakpoints do
 * not: Delve loads its eBPF program and, when the session ends, removes every uprobe (about 0.8 s
 * together on this project's machines); then each allocation costs 0.13 to 0.15 ms. So uprobes pay
 * from about 2,000 allocations; below UPROBES_PAY_FROM, as the simulator estimates them,
 * breakpoints count sooner. A case the simulator cannot estimate (user code, a version it does not
 * model) counts as many: a wrong guess there costs under a second, the other way seconds to minutes.
 */
import { Case } from "../case";
import { Toolchain } from "../go";
import { buildModel, simulateCounts } from "../sim";

export const UPROBES_PAY_FROM = 2_000;

/** The simulator's estimate of the allocation entries of `cases`, or null when it cannot tell. */
export function estimatedAllocations(tc: Toolchain, cases: readonly Case[], debug: boolean): number | null {
  try {
    const model = buildModel(tc.version, debug);
    return cases.reduce((n, c) => n + simulateCounts(model, c, 1).mallocgcCalls, 0);
  } catch {
    return null;
  }
}

/** True when uprobes are expected to count `cases` sooner than breakpoints; `oneCpu`: dlv and the program share one CPU. */
export function uprobesPay(tc: Toolchain, cases: readonly Case[], debug: boolean, oneCpu: boolean): boolean {
  if (oneCpu) return false;
  const estimate = estimatedAllocations(tc, cases, debug);
  return estimate === null || estimate >= UPROBES_PAY_FROM;
}
