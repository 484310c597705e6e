/** Human-readable tables of results for the terminal. */
import { describeCase } from "../case";
import { MeasureResult } from "../measure";
import type { Observation } from "../store/observation";
import { describeSource } from "../store/source";
import { textTable } from "./text-table";

function countCell(r: MeasureResult): string {
  const d = r.distribution;
  return d ? `${d.median} (${d.min}–${d.max}, random)` : String(r.mallocs);
}

function escapeCell(r: MeasureResult): string {
  if (r.escape.length === 0) return "(no -m line)";
  return r.escape.map((e) => `${e.expr}: ${e.decision}`).join("; ");
}

/** The measure command's table: one row per case, the build on top, each row's source. */
export function formatMeasureTable(observations: readonly Observation<MeasureResult>[]): string {
  const first = observations[0].result;
  const build = first.build.debug ? "debug build (-gcflags=all=-N -l)" : "optimized build";
  const experiment = first.build.goexperiment ? `, GOEXPERIMENT=${first.build.goexperiment}` : "";
  const head = `Go ${first.go} ${first.build.goos}/${first.goarch}, ${build}${experiment}, ${first.runs} call${first.runs === 1 ? "" : "s"} per case`;
  const rows = observations.map(({ result: r, source }) => [
    describeCase(r.case),
    countCell(r),
    `${r.allocatedBytes} B`,
    String(r.metrics["/gc/heap/tiny/allocs:objects"]),
    escapeCell(r),
    describeSource(source),
  ]);
  return `${head}\n\n${textTable(["case", "mallocs", "allocated", "tiny", "escape (compiler -m)", "source"], rows)}\n`;
}
