/** Charts: vega-lite specs and their static SVG. */
export * from "./specs";
export { axisTitle, scaleFor, unitOf } from "./axes";
export { panelsCoincide, MAX_SERIES } from "./panels";
export { renderSvg } from "./render";
export { ChartSpec } from "./spec";
