/**
 * The Go program an experiment measured, shown to the reader as Go: a Markdown code block fenced
 * ```go (nbconvert highlights it with pygments' Go lexer, JupyterLab with CodeMirror's), the
 * build commands as comments on top. The text is cut from the generated probe (probe/shown.ts).
 */
import { Case, caseKey, Experiment } from "../case";
import { benchmarkArgs, benchmarkTestFile } from "../measure/gotest";
import { shownProgram } from "../probe/shown";
import { showMarkdown } from "./show";

/** What every probe's main() does around a probe call (probe/harness.ts; a test holds them together). */
export const HARNESS_SUMMARY = "main (not shown) turns the GC off and calls each probe between two\nruntime.ReadMemStats calls: the difference is what the probe allocated.";

const BUILD_NOTE = { false: "Built optimized, as real code is (-m prints the escape decisions):", true: "Built with -N -l (no optimization, no inlining), as the article built it:" };

export interface ProgramOptions {
  /** Cases given (not experiments) are built with -N -l. */
  debug?: boolean;
  /** The sentence before the block. */
  intro?: string;
  /** Shown as `go test -bench` benchmarks run for this -benchtime (measure/gotest.ts), not as a probe. */
  benchtime?: string;
}

/** The Benchmark functions of probe_test.go, one per case. */
function benchmarkFunctions(count: number): string {
  return benchmarkTestFile(count).split("\n\nfunc ").slice(1).filter((f) => f.startsWith("Benchmark")).map((f) => `func ${f.trim()}`).join("\n\n");
}

/** The Markdown of the program that measures these cases (or experiments, whose builds are shown). */
export function programMarkdown(wanted: readonly (Case | Experiment)[], { debug = false, intro = "The Go program measured", benchtime }: ProgramOptions = {}): string {
  const experiments = wanted.map((w) => ("case" in w && "debug" in w ? w : { case: w as Case, debug }));
  const cases = [...new Map(experiments.map((e) => [caseKey(e.case), e.case])).values()];
  const program = shownProgram(cases, { builds: experiments.map((e) => e.debug) });
  const comments = benchtime
    ? ["Run as benchmarks, as the article measured (allocs/op is the runtime's count over b.N calls):", `  go ${benchmarkArgs(benchtime).map((a) => (/[\^$]/.test(a) ? `'${a}'` : a)).join(" ")}`]
    : [...program.builds.flatMap((b) => [BUILD_NOTE[`${b.debug}`], `  ${b.command}`]), ...HARNESS_SUMMARY.split("\n")];
  const code = benchtime ? `${program.code}\n\n${benchmarkFunctions(cases.length)}` : program.code;
  return goBlockMarkdown(code, { intro, comments });
}

/** Go source as a Markdown block fenced go, after `intro:`, with `comments` (how it is built and run) on top. */
export function goBlockMarkdown(source: string, { intro, comments = [] }: { intro: string; comments?: readonly string[] }): string {
  const head = comments.length ? `${comments.map((c) => `// ${c}`).join("\n")}\n\n` : "";
  return `${intro}:\n\n\`\`\`go\n${head}${source.trim()}\n\`\`\``;
}

/** Shows Go source written by another of the lab's generators (a profiled program), highlighted as Go. */
export function showGoSource(source: string, options: { intro: string; comments?: readonly string[] }): void {
  showMarkdown(goBlockMarkdown(source, options));
}

/** Shows the program that measures these cases or experiments, highlighted as Go. */
export function showProgram(wanted: readonly (Case | Experiment)[], options: ProgramOptions = {}): void {
  showMarkdown(programMarkdown(wanted, options));
}
