/**
 * What notebooks call to show things. Charts go out as one output with the vega-lite mime type
 * (JupyterLab renders it interactively) and the same chart as static SVG inside text/html (the
 * exported HTML course shows it without JavaScript; nbconvert strips SVG sent as image/svg+xml).
 */
import * as aq from "arquero";
import { ChartSpec, renderSvg } from "../chart";
import { readableTable } from "../table";
import { displayBundle } from "./sink";
import { readableTableHtml, readableTableMarkdown } from "./table-html";
export { escapeHtml } from "./escape";

export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

function titleOf(spec: ChartSpec): string {
  const t = (spec as { title?: string | { text?: string } }).title;
  return typeof t === "string" ? t : (t?.text ?? "chart");
}

/** What a chart shows, in words: its title and the one-sentence summary its spec carries (the image's alt text). */
export function chartAltText(spec: ChartSpec): string {
  return `${titleOf(spec)}. ${spec.description ?? ""}`.trim();
}

/** Shows a chart: vega-lite for JupyterLab, static SVG for the exported HTML. */
export async function showChart(spec: ChartSpec): Promise<void> {
  const svg = await renderSvg(spec);
  displayBundle({
    [VEGA_LITE_MIME]: spec,
    "image/svg+xml": svg,
    "text/plain": chartAltText(spec),
  });
}

/**
 * Shows an arquero table for reading (display/table-html.ts): at most 20 rows visible, all of them
 * folded below, the exact data as CSV (`data`, when the table shown is a summary of it); columns
 * in `keep` are shown even when every row holds the same value (a Go version's column);
 * Markdown text where HTML is not rendered.
 */
export function showTable(table: aq.ColumnTable, { caption, data, keep }: { caption?: string; data?: aq.ColumnTable; keep?: readonly string[] } = {}): void {
  // Made readable once, for both renderings.
  const readable = readableTable(table, { keep });
  displayBundle({
    "text/html": readableTableHtml(readable, { caption, file: csvFileName(caption), data: data ?? table }),
    "text/plain": readableTableMarkdown(readable, { caption }),
  });
}

/** "make([]byte, n): what the runtime took" → "make-byte-n-what-the-runtime-took.csv". */
function csvFileName(caption = "table"): string {
  return `${caption.toLowerCase().replace(/\(.*$/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 48) || "table"}.csv`;
}

/** Shows Markdown text (verdicts, explanations computed from runs). */
export function showMarkdown(markdown: string): void {
  displayBundle({ "text/markdown": markdown, "text/plain": markdown });
}
