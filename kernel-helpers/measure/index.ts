/** measure: real Go runs, counted with MemStats and runtime/metrics. */
export * from "./measure";
export { estimatePeakBytes } from "./estimate";
export { admitCases } from "./admit";
export { benchmark, withBenchmarks, BenchmarkRun, benchmarkArgs, benchmarkTestFile, checkRuntime, BenchmarkResult, BenchmarkOptions, RuntimeSettings } from "./gotest";
