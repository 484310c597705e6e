/** Chapter 5's map-or-slice decision: measured points, their charts and the guide worded from them. */
export * from "./rows";
export * from "./guide";
export * from "./charts";
export * from "./observe";
