/**
 * The one output every backend produces (ARCHITECTURE.md, "The result"). Its JSON is a contract
 * that tools outside the project read: add fields, never rename or repurpose them.
 */
import { Case } from "./case";

export type Backend = "simulate" | "measure" | "trace";

/** Runs of a value that the runtime randomises (per-map hash seeds). */
export interface Distribution {
  runs: number;
  min: number;
  median: number;
  max: number;
  values: number[];
}

/** One allocation, as far as the backend can see it. */
export interface AllocationRecord {
  /** The size argument mallocgc received. */
  size: number;
  /** The size actually taken: the size class, or whole pages for a large object. */
  rounded: number;
  sizeClass: number;
  path: "tiny" | "small" | "large" | "zero";
  noscan: boolean;
  /** The runtime function that asked: runtime.makeBucketArray, runtime.growslice, ... */
  site: string;
  /** Why the allocation happens (simulate), or the stack (trace). */
  why?: string;
  stack?: string[];
  /** True when whether it happens depends on the hash seed. */
  random?: boolean;
}

export interface AllocResult {
  /** Full Go version, e.g. "1.26.8". */
  go: string;
  goarch: string;
  backend: Backend;
  case: Case;
  /** mallocgc calls with size > 0, counted as the runtime counts them (MemStats.Mallocs). */
  mallocs: number;
  /** Every mallocgc call, size 0 included (trace and simulate only). */
  mallocgcCalls?: number;
  /** Sum of requested sizes (trace and simulate only: MemStats cannot see them). */
  bytes?: number;
  /** Sum of the sizes actually taken (size classes, whole pages): MemStats.TotalAlloc. */
  allocatedBytes?: number;
  allocations?: AllocationRecord[];
  /** Present when mallocs differed between runs: the per-run values. */
  distribution?: Distribution;
}

/** Summarises numbers as a distribution (median of an even count: the lower middle value). */
export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: values.length,
    min: sorted[0],
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    max: sorted[sorted.length - 1],
    values: [...values],
  };
}
