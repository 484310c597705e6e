/**
 * Results as a reader compares them: Go versions as columns (table/versions.ts), the provenance in
 * the caption, and the long form with exact numbers and sources as the CSV download.
 */
import { Measured, Observation } from "../store";
import { CellText, resultsTable, versionColumns } from "../table";
import { showTable } from "./show";

/** Shows observations one row per program, one column per Go version. */
export function showByVersion(observations: readonly Observation<Measured>[], { caption, cell }: { caption?: string; cell?: CellText } = {}): void {
  showTable(versionColumns(observations, { cell }), { caption, data: resultsTable(observations) });
}
