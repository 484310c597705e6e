/** What golab keeps to avoid doing work twice: built probes and measured results. */
export * from "./root";
export * from "./results";
export * from "./manage";
