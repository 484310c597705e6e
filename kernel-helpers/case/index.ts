/** The Case: the input every backend shares. */
export * from "./case";
export { parseCase, validateCase, ParseOptions } from "./parse";
