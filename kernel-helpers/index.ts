/** golab's public API: the same core serves the CLI, the notebooks and the tests. */
export * from "./case";
export * from "./types";
export * from "./result";
export * from "./errors";
export { measure, MeasureOptions, MeasureResult, DEFAULT_RUNS, DEFAULT_MEM_CAP } from "./measure";
export { findToolchain, Toolchain } from "./go";
