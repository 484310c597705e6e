/**
 * Static SVG from a vega-lite spec, rendered by vega in Node (no canvas, no browser), so that an
 * exported HTML page shows the chart without JavaScript.
 */
import * as vega from "vega";
import { compile, TopLevelSpec } from "vega-lite";
import { ChartSpec } from "./spec";

/** The chart as an SVG document. */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
