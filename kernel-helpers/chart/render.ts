/**
 * Static SVG from a vega-lite spec, rendered by vega in Node (no canvas, no browser), so that an
 * exported HTML page shows the chart without JavaScript.
 */
import * as vega from "vega";
import { compile, TopLevelSpec } from "vega-lite";

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
