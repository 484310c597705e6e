/** Tables of results (arquero), and how a page shows them. */
export * from "./results";
export * from "./verdicts";
export * from "./observations";
export * from "./readable";
export * from "./versions";
export * from "./simulated";
