/**
 * The Go program an experiment measured, shown to the reader as Go: a Markdown code block fenced
 * ```go (nbconvert highlights it with pygments' Go lexer, JupyterLab with CodeMirror's), the
 * build commands as comments on top. The text is cut from the generated probe (probe/shown.ts).
 */
import { Case, caseKey, Experiment } from "../case";
import { shownProgram } from "../probe/shown";
import { showMarkdown } from "./show";

/** What every probe's main() does around a probe call (probe/harness.ts; a test holds them together). */
export const HARNESS_SUMMARY = "main (not shown) turns the GC off and calls each probe between two\nruntime.ReadMemStats calls: the difference is what the probe allocated.";

const BUILD_NOTE = { false: "Built optimized, as real code is (-m prints the escape decisions):", true: "Built with -N -l (no optimization, no inlining), as the article built it:" };

/** The Markdown of the program that measures these cases (or experiments, whose builds are shown). */
export function programMarkdown(wanted: readonly (Case | Experiment)[], { debug = false, intro = "The Go program measured" }: { debug?: boolean; intro?: string } = {}): string {
  const experiments = wanted.map((w) => ("case" in w && "debug" in w ? w : { case: w as Case, debug }));
  const cases = new Map(experiments.map((e) => [caseKey(e.case), e.case]));
  const program = shownProgram([...cases.values()], { builds: experiments.map((e) => e.debug) });
  const comments = [...program.builds.flatMap((b) => [BUILD_NOTE[`${b.debug}`], `  ${b.command}`]), ...HARNESS_SUMMARY.split("\n")];
  return `${intro}:\n\n\`\`\`go\n${comments.map((c) => `// ${c}`).join("\n")}\n\n${program.code}\n\`\`\``;
}

/** Shows the program that measures these cases or experiments, highlighted as Go. */
export function showProgram(wanted: readonly (Case | Experiment)[], options: { debug?: boolean; intro?: string } = {}): void {
  showMarkdown(programMarkdown(wanted, options));
}
