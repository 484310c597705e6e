/**
 * A readable table as HTML: the caption with the constant columns said once, the first rows
 * visible, every row in a collapsible <details>, and the exact data as a CSV download (a data:
 * URL, so the exported page needs no server).
 */
import * as aq from "arquero";
import { ReadableCell, ReadableTable } from "../table";
import { escapeHtml } from "./escape";

/** Rows a page shows before the rest folds away. */
export const VISIBLE_ROWS = 20;

const cellHtml = (c: ReadableCell) => (c.exact ? `<td title="${escapeHtml(c.exact)}">${escapeHtml(c.text)}</td>` : `<td>${escapeHtml(c.text)}</td>`);

function tableHtml(headers: readonly string[], rows: readonly ReadableCell[][]): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  return `<table class="golab-table">${head}<tbody>${rows.map((r) => `<tr>${r.map(cellHtml).join("")}</tr>`).join("")}</tbody></table>`;
}

/** The table's exact values as a data: URL of CSV text. */
export function csvDataUrl(table: aq.ColumnTable): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(table.toCSV())}`;
}

/** The whole caption line: the caption, then the constant columns ("op: makemap · build: optimized"). */
export function captionText(caption: string | undefined, constants: readonly string[]): string {
  return [caption, constants.join(" · ")].filter((s) => s).join(". ");
}

/** The readable table as a page shows it (`file` names the CSV download of `data`, the exact data). */
export function readableTableHtml(t: ReadableTable, { caption, file = "table.csv", data }: { caption?: string; file?: string; data: aq.ColumnTable }): string {
  const text = captionText(caption, t.constants);
  const parts = [text ? `<p class="golab-caption">${escapeHtml(text)}</p>` : ""];
  if (t.rows.length === 0) return `${parts[0]}<p class="golab-empty">(no rows)</p>`;
  parts.push(tableHtml(t.headers, t.rows.slice(0, VISIBLE_ROWS)));
  if (t.rows.length > VISIBLE_ROWS) {
    parts.push(`<details class="golab-all-rows"><summary>All ${t.rows.length} rows</summary>${tableHtml(t.headers, t.rows)}</details>`);
  }
  parts.push(`<p class="golab-download"><a download="${escapeHtml(file)}" href="${csvDataUrl(data)}">Download the exact data (CSV, ${data.numRows()} rows)</a></p>`);
  return parts.join("");
}

/** The same as Markdown text (where HTML is not rendered): visible rows only, then how many more. */
export function readableTableMarkdown(t: ReadableTable, { caption }: { caption?: string } = {}): string {
  const line = (cells: readonly string[]) => `|${cells.map((c) => c.replace(/\|/g, "\\|")).join("|")}|`;
  const lines = [line(t.headers), line(t.headers.map(() => "---")), ...t.rows.slice(0, VISIBLE_ROWS).map((r) => line(r.map((c) => c.text)))];
  if (t.rows.length > VISIBLE_ROWS) lines.push(`(${t.rows.length - VISIBLE_ROWS} more rows)`);
  const text = captionText(caption, t.constants);
  return `${text ? `${text}\n` : ""}${lines.join("\n")}`;
}
