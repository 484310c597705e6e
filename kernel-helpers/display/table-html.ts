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

/** A number, alone or with its unit ("0.287", "1,024", "39.9 KiB", "24 B", "615.7 ns"), or a dash for none. */
const NUMBER = /^(?:—|[-−+]?\d[\d,]*(?:\.\d+)?(?:\s?(?:B|KiB|MiB|GiB|ns|µs|ms|s|%|×))?)$/;

/** Columns whose every cell is a number: set right, to compare by digit; text columns (programs, reasons, verdicts) read from the left. */
const numericColumns = (headers: readonly string[], rows: readonly ReadableCell[][]) =>
  headers.map((_, i) => rows.length > 0 && rows.every((r) => NUMBER.test(r[i]?.text ?? "")) && rows.some((r) => r[i]?.text !== "—"));

const cellHtml = (c: ReadableCell, num: boolean) => {
  const cls = num ? ' class="num"' : "";
  return c.exact ? `<td${cls} title="${escapeHtml(c.exact)}">${escapeHtml(c.text)}</td>` : `<td${cls}>${escapeHtml(c.text)}</td>`;
};

function tableHtml(headers: readonly string[], rows: readonly ReadableCell[][], numeric = numericColumns(headers, rows)): string {
  const head = `<thead><tr>${headers.map((h, i) => `<th${numeric[i] ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  return `<table class="golab-table">${head}<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cellHtml(c, numeric[i])).join("")}</tr>`).join("")}</tbody></table>`;
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
  // The visible rows and the folded whole align alike: the columns are judged on every row.
  const numeric = numericColumns(t.headers, t.rows);
  parts.push(tableHtml(t.headers, t.rows.slice(0, VISIBLE_ROWS), numeric));
  if (t.rows.length > VISIBLE_ROWS) {
    parts.push(`<details class="golab-all-rows"><summary>All ${t.rows.length} rows</summary>${tableHtml(t.headers, t.rows, numeric)}</details>`);
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
