/** Experiments across Go versions, live or recorded. */
export * from "./across";
export * from "./evidence";
export * from "./beside";
export * from "./simulated";
