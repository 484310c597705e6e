/**
 * Agreement between a simulated result and a measured one, on what the measurement can see:
 * mallocs (MemStats), bytes taken (TotalAlloc), tiny allocations inside a block
 * (runtime/metrics), and the allocations per size bucket (/gc/heap/allocs-by-size:bytes, whose
 * buckets end at each size class and put every large object in one last bucket). A hash-dependent
 * measurement agrees when its median mallocs lies inside the simulated range.
 */
import { AllocationRecord, Distribution } from "../result";
import { sizeBucket } from "../alloc/sizeclasses";
import { SimResult } from "./simulate";
import { versionModel } from "./versions";

/** The parts of a measured result that agreement needs (a MeasureResult has them all). */
export interface Measured {
  go: string;
  mallocs: number;
  allocatedBytes: number;
  deterministic: boolean;
  distribution?: Distribution;
  bySize: { min: number; max: number | null; count: number }[];
  metrics: Record<string, number>;
}

/** The verdict for one case. */
export interface Agreement {
  /** "deterministic": the measurement never varied; "random": it did (mallocs or bytes). */
  kind: "deterministic" | "random";
  agree: boolean;
  /** What differed, one line each (empty when they agree). */
  differences: string[];
}

const key = (b: { min: number; max: number | null }): string => `${b.min}-${b.max ?? "∞"}`;

/** Allocations per runtime/metrics size bucket, as the measurement histogram would count them. */
export function bucketsOf(go: string, allocations: readonly AllocationRecord[]): Map<string, number> {
  const sc = versionModel(go).malloc.sizeClasses;
  const out = new Map<string, number>();
  for (const a of allocations) {
    // A zero-size call takes nothing; a tiny allocation inside an existing block is not in the histogram.
    if (a.path === "zero" || a.rounded === 0) continue;
    const k = key(sizeBucket(sc, a.path === "large" ? 0 : a.sizeClass));
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

function sameBuckets(sim: Map<string, number>, measured: Measured["bySize"]): string | null {
  const m = new Map(measured.map((b) => [key(b), b.count]));
  const keys = [...new Set([...sim.keys(), ...m.keys()])].sort((a, b) => parseInt(a) - parseInt(b));
  const diff = keys.filter((k) => (sim.get(k) ?? 0) !== (m.get(k) ?? 0));
  if (diff.length === 0) return null;
  return `by size: ${diff.map((k) => `[${k}] simulated ${sim.get(k) ?? 0}, measured ${m.get(k) ?? 0}`).join("; ")}`;
}

/** Compares a simulated result with a measured one of the same case and Go version. */
export function agreement(sim: SimResult, measured: Measured): Agreement {
  const differences: string[] = [];
  if (!measured.deterministic) {
    const d = sim.distribution ?? { min: sim.mallocs, max: sim.mallocs };
    const median = measured.distribution?.median ?? measured.mallocs;
    if (median < d.min || median > d.max) differences.push(`measured median mallocs ${median} outside simulated range ${d.min}–${d.max}`);
    return { kind: "random", agree: differences.length === 0, differences };
  }
  if (sim.mallocs !== measured.mallocs) differences.push(`mallocs: simulated ${sim.mallocs}, measured ${measured.mallocs}`);
  if (sim.allocatedBytes !== measured.allocatedBytes) differences.push(`bytes taken: simulated ${sim.allocatedBytes}, measured ${measured.allocatedBytes}`);
  const tiny = measured.metrics["/gc/heap/tiny/allocs:objects"];
  if (tiny !== undefined && tiny !== sim.tinyAllocs) differences.push(`tiny allocations in a block: simulated ${sim.tinyAllocs}, measured ${tiny}`);
  const buckets = sameBuckets(bucketsOf(sim.go, sim.allocations), measured.bySize);
  if (buckets) differences.push(buckets);
  return { kind: "deterministic", agree: differences.length === 0, differences };
}
