/** Tables notebooks show often: the compiler's escape decisions, and the allocations Delve saw. */
import * as aq from "arquero";
import { describeCase } from "../case";
import { MeasureResult } from "../measure";
import { allocationsOf, describeSource, LiveObservation, Observation } from "../store";
import { AllocationRecord } from "../result";
import { TraceResult } from "../trace";

/** One row per observation: what the compiler decided (-m), and what was allocated. */
export function escapeTable(observations: readonly Observation[]): aq.ColumnTable {
  return aq.from(observations.filter((o) => o.result.backend === "measure").map((o) => ({
    case: describeCase(o.experiment.case),
    build: o.experiment.debug ? "-N -l" : "optimized",
    go: o.result.go,
    mallocs: o.result.mallocs,
    allocated: o.result.allocatedBytes,
    compiler: (o.result as MeasureResult).escape.map((e) => `${e.expr}: ${e.decision === "stack" ? "does not escape" : "escapes to heap"}`).join("; ") || "(no -m line)",
    source: describeSource(o.source),
  })));
}

/** One row per allocation Delve saw, in every traced case of every version. */
export function tracedAllocationsTable(traced: readonly LiveObservation<TraceResult>[], { stack = false }: { stack?: boolean } = {}): aq.ColumnTable {
  return aq.from(traced.flatMap((o) => (o.result ? [o.result] : []).flatMap((t) => (t.allocations ?? []).map((a) => ({
    case: describeCase(t.case), go: t.go, size: a.size, type: a.type, site: a.site, entry: a.entry,
    ...(stack ? { stack: (a.stack ?? []).join(" ← ") } : {}),
    source: describeSource(o.source, "traced"),
  })))));
}

/** One row per traced case: every mallocgc call, and those with a size above zero. */
export function tracedCountsTable(traced: readonly LiveObservation<TraceResult>[]): aq.ColumnTable {
  return aq.from(traced.flatMap((o) => (o.result ? [o.result] : []).map((t) => ({
    case: describeCase(t.case), go: t.go, "mallocgc calls": t.mallocgcCalls, "mallocs (size > 0)": t.mallocs, source: describeSource(o.source, "traced"),
  }))));
}

/** How one allocation was served, in a reader's words. */
function pathText(a: AllocationRecord): string {
  switch (a.path) {
    case "tiny":
      return a.rounded === 0 ? "tiny allocator (inside the current 16-byte block)" : "tiny allocator (a new 16-byte block)";
    case "small":
      return `size class of ${a.rounded} B`;
    case "large":
      return `large object (${a.rounded / 8192} page${a.rounded === 8192 ? "" : "s"} of 8 KiB)`;
    case "zero":
      return "zero-size (no memory)";
  }
}

/**
 * The path each allocation of an observation took (tiny block, size class, large object), from
 * the simulator's account where it agrees exactly with the run; undefined where it cannot say.
 */
export function allocationPaths(o: Observation): string | undefined {
  const allocations = allocationsOf(o);
  if (!allocations) return undefined;
  if (allocations.length === 0) return "no allocation";
  return [...new Set(allocations.map(pathText))].join("; ");
}
