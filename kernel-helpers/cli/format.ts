/** The measure command's text: one table for one Go version; with several, one table per metric with the versions as columns. */
import { describeCase } from "../case";
import { MeasureResult } from "../measure";
import type { Observation } from "../store/observation";
import { describeSource } from "../store/source";
import { formatBytes } from "../bytes";
import { textTable } from "./text-table";

function countCell(r: MeasureResult): string {
  const d = r.distribution;
  return d ? `${d.median} (${d.min}–${d.max}, random)` : String(r.mallocs);
}

function bytesCell(r: MeasureResult): string {
  const d = r.bytesDistribution;
  return d ? `${formatBytes(d.median)} (${formatBytes(d.min)}–${formatBytes(d.max)})` : formatBytes(r.allocatedBytes);
}

function escapeCell(r: MeasureResult): string {
  if (r.escape.length === 0) return "(no -m line)";
  // A code case's decisions are at the user's own lines, which say where each one is.
  const at = (line: number) => (r.case.op === "code" ? `line ${line}: ` : "");
  return r.escape.map((e) => `${at(e.line)}${e.expr}: ${e.decision}`).join("; ");
}

type MeasureObservation = Observation<MeasureResult>;

/** What one row shows of an observation, by column: the same cells in both layouts. */
const METRICS: readonly [header: string, cell: (o: MeasureObservation) => string][] = [
  ["mallocs", (o) => countCell(o.result)],
  ["allocated", (o) => bytesCell(o.result)],
  ["tiny", (o) => String(o.result.metrics["/gc/heap/tiny/allocs:objects"])],
  ["escape (compiler -m)", (o) => escapeCell(o.result)],
  ["source", (o) => describeSource(o.source)],
];

function head(versions: readonly string[], first: MeasureResult): string {
  const build = first.build.debug ? "debug build (-gcflags=all=-N -l)" : "optimized build";
  const experiment = first.build.goexperiment ? `, GOEXPERIMENT=${first.build.goexperiment}` : "";
  return `Go ${versions.join(", ")} ${first.build.goos}/${first.goarch}, ${build}${experiment}, ${first.runs} call${first.runs === 1 ? "" : "s"} per case`;
}

/**
 * The measure command's table. Observations come version by version, the same cases in the same
 * order for each; sizes read as B / KiB / MiB / GiB (`--json` keeps the exact bytes).
 */
export function formatMeasureTable(observations: readonly MeasureObservation[]): string {
  const versions = [...new Set(observations.map((o) => o.result.go))];
  const first = observations[0].result;
  if (versions.length === 1) {
    const rows = observations.map((o) => [describeCase(o.result.case), ...METRICS.map(([, cell]) => cell(o))]);
    return `${head(versions, first)}\n\n${textTable(["case", ...METRICS.map(([h]) => h)], rows)}\n`;
  }
  const byVersion = versions.map((v) => observations.filter((o) => o.result.go === v));
  const cases = byVersion[0].map((o) => describeCase(o.result.case));
  const tables = METRICS.map(([metric, cell]) =>
    textTable([metric, ...versions.map((v) => `Go ${v}`)], cases.map((c, i) => [c, ...byVersion.map((os) => cell(os[i]))])));
  return `${head(versions, first)}\n\n${tables.join("\n\n")}\n`;
}
