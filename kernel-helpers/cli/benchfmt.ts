/**
 * Results in the Go benchmark format (go.dev/design/14313-benchmark-format), which benchstat and
 * golang.org/x/perf/benchfmt read: `key: value` configuration lines, then one line per call,
 * `BenchmarkAlloc/<case> 1 <bytes> B/op <mallocs> allocs/op`. Every call measured is its own
 * line, so benchstat's medians and intervals are over the runs golab made; a `go:` line before
 * each version's results lets `benchstat -col go` put the versions side by side.
 */
import { describeCase } from "../case";
import type { MeasureResult } from "../measure";
import type { Observation } from "../store/observation";
import { describeSource } from "../store/source";

/** A benchmark name: the case's short form, spaces as underscores (as `go test` names subtests). */
export function benchmarkName(c: MeasureResult["case"]): string {
  return `BenchmarkAlloc/${describeCase(c).replace(/\s+/g, "_")}`;
}

/** One line per call: the i-th run's bytes and mallocs (every run alike unless a distribution says otherwise). */
function runLines(r: MeasureResult): string[] {
  const name = benchmarkName(r.case);
  return Array.from({ length: r.runs }, (_, i) => {
    const mallocs = r.distribution?.values[i] ?? r.mallocs;
    const bytes = r.bytesDistribution?.values[i] ?? r.allocatedBytes;
    return `${name} 1 ${bytes} B/op ${mallocs} allocs/op`;
  });
}

/** Observations (version by version) as benchmark-format text. */
export function formatBenchfmt(observations: readonly Observation<MeasureResult>[]): string {
  const first = observations[0].result;
  const out = [`goos: ${first.build.goos}`, `goarch: ${first.goarch}`, "pkg: golab", `build: ${first.build.debug ? "-N -l" : "optimized"}`];
  if (first.build.goexperiment) out.push(`goexperiment: ${first.build.goexperiment}`);
  let go: string | undefined;
  for (const { result: r, source } of observations) {
    if (r.go !== go) {
      go = r.go;
      out.push(`go: ${go}`);
    }
    // A line that is not a configuration or benchmark line is ignored by readers: where the numbers come from.
    out.push(`# ${describeCase(r.case)} on Go ${r.go}: ${describeSource(source)}`, ...runLines(r));
  }
  return `${out.join("\n")}\n`;
}
