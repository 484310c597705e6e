/** Go toolchains: which go command serves a version. */
export * from "./toolchain";
