/** Experiments beyond counting: GC on and off, gctrace, pprof and inlining, churn, map or slice; their statistics and catalog. */
export * from "./gc";
export * from "./pprof";
export * from "./fragmentation";
export * from "./stats";
export * from "./lookup";
export * from "./map-or-slice";
export * from "./own-code";
export * from "./catalog";
