/**
 * vega-lite specs for the lab's recurring pictures. Each takes plain rows and a subtitle saying
 * where the numbers came from; none contains a number of its own. Every spec carries a
 * `description`: one sentence computed from the rows, which pages use as the image's alt text.
 */
import { GolabError } from "../errors";
import { chartMessages } from "../messages";
import { axisTitle, legendTitle, scaleFor } from "./axes";
import { firstPanel, MAX_SERIES, panelsCoincide } from "./panels";
import { ChartSpec } from "./spec";
import { barsSummary, distinct, linesSummary, matrixSummary } from "./summary";

type Row = Record<string, unknown>;

/** Legends wide enough for "[]int append, Go 1.27.3" (vega's default cuts at 160 px). */
const LEGEND = { orient: "bottom", direction: "vertical", labelLimit: 480 } as const;

/** Page width a chart may take (a panel row included): the course page is about 1,000 px wide. */
const CHART_WIDTH = 840;

const base = (title: string, source: string, description: string, notes: readonly string[] = []) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  // A long provenance line ("Go 1.19.8: …; Go 1.26.8: …") gets one line per version.
  title: { text: title, subtitle: [...source.split("; "), ...notes] },
  description,
  width: 420,
  height: 240,
});

/** Bars of one measure per category, grouped by a colour field (e.g. mallocs per case, per Go version). */
export function groupedBars(rows: Row[], { x, y, color, title, source }: { x: string; y: string; color: string; title: string; source: string }): ChartSpec {
  return {
    ...base(title, source, barsSummary(rows, { x, y, color })),
    data: { values: rows },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: x, type: "nominal", axis: { labelAngle: -30, labelLimit: 480 } },
      xOffset: { field: color, type: "nominal" },
      y: { field: y, type: "quantitative", title: axisTitle(y) },
      color: { field: color, type: "nominal", legend: { ...LEGEND, title: legendTitle(color) } },
    },
  } as ChartSpec;
}

export interface GrowthLinesOptions {
  x: string;
  y: string;
  /** A line per value of this field (at most 6 per panel). */
  color?: string;
  /** A panel per value of this field (e.g. "go"); one panel and a note when all panels hold the same points. */
  panel?: string;
  title: string;
  source: string;
  /** A log x axis even when x spans less than 100× (otherwise chosen from the values). */
  logX?: boolean;
  xTitle?: string;
  yTitle?: string;
  /** "step-after" (default: counts that jump at thresholds) or "linear" (a few measured points). */
  interpolate?: "step-after" | "linear";
  /** Fields of each point's interval (e.g. a median's 95% interval), drawn as a band around its line. */
  band?: { lo: string; hi: string };
}

/** A line per series of a quantity against n (growth curves: mallocs or bytes against size), a panel per Go version. */
export function growthLines(rows: Row[], { x, y, color, panel, title, source, logX = false, xTitle, yTitle, interpolate = "step-after", band }: GrowthLinesOptions): ChartSpec {
  const panels = panel ? distinct(rows, panel) : [];
  const same = panel !== undefined && panels.length > 1 && panelsCoincide(rows, panel);
  const drawn = same ? firstPanel(rows, panel!) : rows;
  const faceted = panel !== undefined && !same && panels.length > 1;
  for (const p of faceted ? panels : [undefined]) {
    const mine = p === undefined ? drawn : drawn.filter((r) => String(r[panel!]) === p);
    const series = color ? distinct(mine, color).length : 1;
    if (series > MAX_SERIES) throw new GolabError(chartMessages.tooManySeries(title, series, MAX_SERIES));
  }
  const note = same ? `${panels.join(", ")} coincide: drawn once` : undefined;
  const xs = scaleFor(drawn.map((r) => r[x]));
  const xScale = logX && xs.type === "linear" ? { type: drawn.some((r) => r[x] === 0) ? "symlog" : "log" } : xs;
  const yScale = scaleFor(drawn.flatMap((r) => (band ? [r[y], r[band.lo], r[band.hi]] : [r[y]])));
  const xEnc = { field: x, type: "quantitative", scale: xScale, title: xTitle ?? axisTitle(x) };
  // With a band, the legend shows solid points: the band's faint swatch would not tell series apart.
  const legend = band ? { ...LEGEND, symbolType: "circle", symbolOpacity: 1 } : LEGEND;
  const colorEnc = color ? { color: { field: color, type: "nominal", legend: { ...legend, title: legendTitle(color) } } } : {};
  const line = {
    mark: { type: "line", point: true, tooltip: true, interpolate },
    encoding: { x: xEnc, y: { field: y, type: "quantitative", scale: yScale, title: yTitle ?? axisTitle(y) }, ...colorEnc },
  };
  const layer = band
    ? { layer: [{ mark: { type: "area", opacity: 0.2, interpolate }, encoding: { x: xEnc, y: { field: band.lo, type: "quantitative", scale: yScale }, y2: { field: band.hi }, ...colorEnc } }, line] }
    : line;
  const head = base(title, source, linesSummary(drawn, { x, y, color, panel: faceted ? panel : undefined, note }), note ? [note] : []);
  if (!faceted) return { ...head, data: { values: drawn }, ...layer } as ChartSpec;
  const { width: _w, height, ...top } = head;
  return {
    ...top,
    data: { values: drawn },
    facet: { column: { field: panel, type: "nominal", title: null } },
    spec: { width: Math.floor(CHART_WIDTH / panels.length) - 40, height, ...layer },
  } as ChartSpec;
}

/** A grid of categorical cells (claims by Go version, coloured by verdict). */
export function matrix(rows: Row[], { x, y, value, title, source, colors }: { x: string; y: string; value: string; title: string; source: string; colors?: Record<string, string> }): ChartSpec {
  const scale = colors ? { domain: Object.keys(colors), range: Object.values(colors) } : {};
  return {
    ...base(title, source, matrixSummary(rows, { x, y, value })),
    height: { step: 18 },
    data: { values: rows },
    encoding: {
      x: { field: x, type: "nominal", axis: { orient: "top" } },
      y: { field: y, type: "nominal", sort: null },
    },
    layer: [
      { mark: { type: "rect", tooltip: true }, encoding: { color: { field: value, type: "nominal", scale, legend: { labelLimit: 480 } } } },
      { mark: { type: "text", fontSize: 9 }, encoding: { text: { field: value, type: "nominal" } } },
    ],
  } as ChartSpec;
}
