/** Experiments beyond counting: garbage collection on and off, gctrace. */
export * from "./gc";
export * from "./pprof";
export * from "./fragmentation";
