/**
 * vega-lite specs for the lab's recurring pictures. Each takes plain rows and a subtitle saying
 * where the numbers came from; none contains a number of its own.
 */
import { ChartSpec } from "./spec";

type Row = Record<string, unknown>;

const base = (title: string, source: string) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  title: { text: title, subtitle: source },
  width: 420,
  height: 240,
});

/** Bars of one measure per category, grouped by a colour field (e.g. mallocs per case, per Go version). */
export function groupedBars(rows: Row[], { x, y, color, title, source }: { x: string; y: string; color: string; title: string; source: string }): ChartSpec {
  return {
    ...base(title, source),
    data: { values: rows },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: x, type: "nominal", axis: { labelAngle: -30, labelLimit: 220 } },
      xOffset: { field: color, type: "nominal" },
      y: { field: y, type: "quantitative" },
      color: { field: color, type: "nominal" },
    },
  } as ChartSpec;
}

/** A line per series of a quantity against n (growth curves: mallocs or bytes against size). */
export function growthLines(rows: Row[], { x, y, color, title, source, logX = false }: { x: string; y: string; color: string; title: string; source: string; logX?: boolean }): ChartSpec {
  return {
    ...base(title, source),
    data: { values: rows },
    mark: { type: "line", point: true, tooltip: true, interpolate: "step-after" },
    encoding: {
      x: { field: x, type: "quantitative", scale: logX ? { type: "symlog" } : {} },
      y: { field: y, type: "quantitative" },
      color: { field: color, type: "nominal" },
    },
  } as ChartSpec;
}

/** A grid of categorical cells (claims by Go version, coloured by verdict). */
export function matrix(rows: Row[], { x, y, value, title, source, colors }: { x: string; y: string; value: string; title: string; source: string; colors?: Record<string, string> }): ChartSpec {
  const scale = colors ? { domain: Object.keys(colors), range: Object.values(colors) } : {};
  return {
    ...base(title, source),
    height: { step: 18 },
    data: { values: rows },
    encoding: {
      x: { field: x, type: "nominal", axis: { orient: "top" } },
      y: { field: y, type: "nominal", sort: null },
    },
    layer: [
      { mark: { type: "rect", tooltip: true }, encoding: { color: { field: value, type: "nominal", scale } } },
      { mark: { type: "text", fontSize: 9 }, encoding: { text: { field: value, type: "nominal" } } },
    ],
  } as ChartSpec;
}
