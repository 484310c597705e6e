/** What chapter 6's cells call: a lesson's programs as Go, then its tables with their provenance. */
import { goBlockMarkdown, showMarkdown, showTable } from "../display";
import { OwnCodeObservations } from "./observe";
import { anyOwnCodeData, ownCodeCounts, ownCodeEscapes, ownCodeLines, ownCodeSource, versionColumnNames } from "./tables";

/** Shows each program of `lesson` as Go, with the commands that measure and trace it. */
export function showOwnCodePrograms(own: OwnCodeObservations, lesson: string): void {
  const blocks = own.snippets.filter((s) => s.lesson === lesson).map((s) =>
    goBlockMarkdown(s.case.source, { intro: `\`${s.name}\` (\`golab measure --code ${s.name}\`, \`golab trace --code ${s.name}\`)` }));
  showMarkdown(blocks.join("\n\n"));
}

/** Shows the count per call of `lesson`'s programs, per Go version (or one line saying why there is none). */
export function showOwnCodeCounts(own: OwnCodeObservations, lesson: string): void {
  if (!anyOwnCodeData(own.versions)) return showMarkdown(`Nothing measured: ${ownCodeSource(own.versions)}.`);
  showTable(ownCodeCounts(own.snippets, own.versions, lesson), { keep: versionColumnNames(own.versions), caption: `Mallocs and bytes taken per call of probe() (${ownCodeSource(own.versions)})` });
}

/** Shows, line by line, what the traced call of `lesson`'s programs allocated, per Go version. */
export function showOwnCodeLines(own: OwnCodeObservations, lesson: string): void {
  if (!anyOwnCodeData(own.versions)) return;
  showTable(ownCodeLines(own.snippets, own.versions, lesson), { keep: versionColumnNames(own.versions), caption: `The lines responsible: what each line allocated in one traced call, of which type, through which function (${ownCodeSource(own.versions, "traced")})` });
}

/** Shows the compiler's escape decisions at `lesson`'s lines, per Go version. */
export function showOwnCodeEscapes(own: OwnCodeObservations, lesson: string): void {
  if (!anyOwnCodeData(own.versions)) return;
  showTable(ownCodeEscapes(own.snippets, own.versions, lesson), { keep: versionColumnNames(own.versions), caption: `What the compiler decided at each line (-gcflags=-m) (${ownCodeSource(own.versions, "built")})` });
}
