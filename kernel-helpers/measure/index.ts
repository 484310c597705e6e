/** measure: real Go runs, counted with MemStats and runtime/metrics. */
export * from "./measure";
export { estimatePeakBytes } from "./estimate";
export { benchmark, BenchmarkResult, BenchmarkOptions } from "./gotest";
