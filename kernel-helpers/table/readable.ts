/**
 * Tables for reading: what a page shows of a table. Columns with one value in every row are said
 * once in the caption ("op: makemap · build: optimized"), headers are words (no camelCase), byte
 * counts read as B / KiB / MiB (the exact count kept beside), numbers are rounded, nulls are "—".
 * Pure: no HTML here (display/table-html.ts renders it).
 */
import * as aq from "arquero";
import { formatBytes, roundNumber } from "../bytes";

export { formatBytes, roundNumber };

/** One shown cell: the text a reader sees, and the exact value when the text rounds it. */
export interface ReadableCell {
  text: string;
  exact?: string;
}

export interface ReadableTable {
  /** Plain-language headers of the columns kept. */
  headers: string[];
  /** Every row (the page decides how many are visible). */
  rows: ReadableCell[][];
  /** Columns with one value in every row: "header: value", said once. */
  constants: string[];
}

/** Column names that hold byte counts (whole bytes): "allocated", "size", "requested bytes", "heap (B)". */
const BYTE_COLUMN = /^(allocated|requested|rounded|size|bytes)$|\bbytes?\b|\(B\)$|Bytes?$/;

/** Whether a column holds byte counts, by its name (one rule for tables and charts). */
export function isByteColumn(name: string): boolean {
  return BYTE_COLUMN.test(name);
}

/** "unusedPerObjectByte" → "unused per object byte"; "mallocgc_calls" → "mallocgc calls"; others unchanged. */
export function headerText(name: string): string {
  return name.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

/** One value as shown in column `name`. */
export function readableCell(name: string, v: unknown): ReadableCell {
  if (v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v))) return { text: "—" };
  if (typeof v === "number") {
    if (isByteColumn(name) && Number.isInteger(v)) {
      const text = formatBytes(v);
      return v >= 1024 ? { text, exact: `${v.toLocaleString("en-US")} bytes` } : { text };
    }
    const text = roundNumber(v);
    return text.replace(/,/g, "") === String(v) ? { text } : { text, exact: String(v) };
  }
  if (typeof v === "boolean") return { text: v ? "yes" : "no" };
  if (typeof v === "string") return { text: v };
  return { text: JSON.stringify(v) };
}

/** The table as a page shows it: constant columns said once, plain headers, readable cells. */
export function readableTable(table: aq.ColumnTable, { keep = [] }: { keep?: readonly string[] } = {}): ReadableTable {
  const names = table.columnNames();
  const n = table.numRows();
  const constant = new Set(n < 2 ? [] : names.filter((name) => {
    if (keep.includes(name)) return false;
    const values = table.array(name) as unknown[];
    return values.every((v) => v === values[0]);
  }));
  // A table whose every column is constant keeps them all: there would be nothing left to read.
  if (constant.size === names.length) constant.clear();
  const kept = names.filter((name) => !constant.has(name));
  const columns = kept.map((name) => table.array(name) as unknown[]);
  return {
    headers: kept.map(headerText),
    rows: Array.from({ length: n }, (_, i) => kept.map((name, j) => readableCell(name, columns[j][i]))),
    constants: [...constant].map((name) => `${headerText(name)}: ${readableCell(name, table.get(name, 0)).text}`),
  };
}
