/** Experiments beyond counting: GC on and off, gctrace, pprof and inlining, churn; their statistics and catalog. */
export * from "./gc";
export * from "./pprof";
export * from "./fragmentation";
export * from "./stats";
export * from "./catalog";
