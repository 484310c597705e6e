/** Tables of results (arquero). */
export * from "./results";
export * from "./verdicts";
export * from "./observations";
