/** Chapter 6, your own code: the chapter's programs observed per Go version, and their tables. */
export * from "./observe";
export * from "./tables";
export * from "./show";
export * from "./chart";
export * from "./simulated";
