/**
 * What notebooks call to show things. Charts go out as one output with the vega-lite mime type
 * (JupyterLab renders it interactively) and the same chart as static SVG inside text/html (the
 * exported HTML course shows it without JavaScript; nbconvert strips SVG sent as image/svg+xml).
 */
import * as aq from "arquero";
import { ChartSpec, renderSvg } from "../chart";
import { displayBundle } from "./sink";

export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

function titleOf(spec: ChartSpec): string {
  const t = (spec as { title?: string | { text?: string } }).title;
  return typeof t === "string" ? t : (t?.text ?? "chart");
}

/** Shows a chart: vega-lite for JupyterLab, static SVG for the exported HTML. */
export async function showChart(spec: ChartSpec): Promise<void> {
  const svg = await renderSvg(spec);
  displayBundle({
    [VEGA_LITE_MIME]: spec,
    "image/svg+xml": svg,
    "text/plain": `[chart: ${titleOf(spec)}]`,
  });
}

/** Shows an arquero table as HTML (and as Markdown text where HTML is not rendered). */
export function showTable(table: aq.ColumnTable, { caption, limit = 200 }: { caption?: string; limit?: number } = {}): void {
  const html = table.toHTML({ limit });
  displayBundle({
    "text/html": caption ? `<p class="golab-caption">${escapeHtml(caption)}</p>${html}` : html,
    "text/plain": `${caption ? `${caption}\n` : ""}${table.toMarkdown({ limit })}`,
  });
}

/** Shows Markdown text (verdicts, explanations computed from runs). */
export function showMarkdown(markdown: string): void {
  displayBundle({ "text/markdown": markdown, "text/plain": markdown });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
