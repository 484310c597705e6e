/** Shows computed verdicts: the table, then each claim with the evidence its verdict rests on. */
import type { ClaimVerdict } from "../claims";
import { verdictsTable } from "../table";
import { showMarkdown, showTable } from "./show";

export function showVerdicts(verdicts: readonly ClaimVerdict[]): void {
  const sources = [...new Set(verdicts.flatMap((v) => v.byVersion.map((b) => `Go ${b.go}: ${b.source}`)))].join("; ");
  showTable(verdictsTable(verdicts), { caption: `Verdicts computed just now from the evidence (${sources})` });
  const text = verdicts.map((v) => [
    `**${v.claim.id} — ${v.overall}.** The article: “${v.claim.claim}”.`,
    ...v.byVersion.map((b) => `- Go ${b.go} (${b.source}): **${b.verdict}**. ${b.reason}`),
  ].join("\n")).join("\n\n");
  showMarkdown(text);
}
