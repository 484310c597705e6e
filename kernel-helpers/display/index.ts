/** Display in tslab (and plain text elsewhere). */
export * from "./sink";
export * from "./show";
export * from "./table-html";
export * from "./progress";
export * from "./verdicts";
export * from "./beside";
export * from "./observe";
export * from "./program";
export * from "./by-version";
export * from "./simulated";
