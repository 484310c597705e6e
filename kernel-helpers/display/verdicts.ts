/**
 * Shows computed verdicts: the table, then each claim with its parts and the explanation of every
 * version's verdict (what the article says, what was measured, why the runtime does it).
 */
import type { ClaimVerdict, VersionOutcome } from "../claims";
import { verdictsTable } from "../table";
import { showMarkdown, showTable } from "./show";

const partsText = (parts: VersionOutcome["parts"]) =>
  (parts ?? []).map((p) => `  - ${p.holds ? "✓" : "✗"} ${p.says}: ${p.reason}`);

function versionText(b: VersionOutcome): string[] {
  const lines = [`- Go ${b.go} (${b.source}): **${b.verdict}**. ${b.parts ? "" : b.reason}`.trimEnd(), ...partsText(b.parts)];
  lines.push(...b.explanation.measured.map((m) => `  - measured: ${m}`), ...b.explanation.why.map((w) => `  - why: ${w}`));
  if (b.atReader) {
    const set = Object.entries(b.atReader.parameters).map(([k, v]) => `${k}=${v}`).join(", ");
    lines.push(`  - at your setting (${set}): **${b.atReader.verdict}**. ${b.atReader.reason}`);
  }
  return lines;
}

export function showVerdicts(verdicts: readonly ClaimVerdict[]): void {
  const sources = [...new Set(verdicts.flatMap((v) => v.byVersion.map((b) => `Go ${b.go}: ${b.source}`)))].join("; ");
  showTable(verdictsTable(verdicts), { caption: `Verdicts computed just now from the evidence (${sources})` });
  const text = verdicts.map((v) => [`**${v.claim.id}: ${v.overall}.** The article: “${v.claim.claim}”.`, ...v.byVersion.flatMap(versionText)].join("\n")).join("\n\n");
  showMarkdown(text);
}
