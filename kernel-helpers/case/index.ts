/** The Case: one input for every backend, and the experiment (case + build) built on it. */
export * from "./case";
export * from "./experiment";
export { parseCase, validateCase, ParseOptions } from "./parse";
export { SHORT_FORMS } from "./short-form";
export * from "./string-ops";
export * from "./map-ops";
