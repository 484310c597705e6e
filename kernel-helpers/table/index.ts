/** Tables of results (arquero). */
export * from "./results";
