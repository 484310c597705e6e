/** Charts: vega-lite specs and their static SVG. */
export * from "./specs";
export { renderSvg } from "./render";
export { ChartSpec } from "./spec";
