/**
 * Shows computed verdicts: the table, then each claim with its parts and the explanation of every
 * version's verdict (what the article says, what was measured, why the runtime does it).
 */
import type { ClaimVerdict, VersionOutcome } from "../claims";
import { verdictsTable } from "../table";
import { escapeHtml } from "./escape";
import { showMarkdown, showTable } from "./show";
import { displayBundle } from "./sink";
import { VERDICT_MIME, VerdictData } from "./verdict-data";

export { VERDICT_MIME, VerdictData } from "./verdict-data";

const partsText = (parts: VersionOutcome["parts"]) =>
  (parts ?? []).map((p) => `  - ${p.holds ? "✓" : "✗"} ${p.says}: ${p.reason}`);

/** One version's verdict, its reason and parts, and the outcome at the reader's setting (no explanation). */
function verdictLines(b: VersionOutcome): string[] {
  const lines = [`- Go ${b.go} (${b.source}): **${b.verdict}**. ${b.parts ? "" : b.reason}`.trimEnd(), ...partsText(b.parts)];
  if (b.atReader) lines.push(atReaderText(b.atReader));
  return lines;
}

function atReaderText(r: NonNullable<VersionOutcome["atReader"]>): string {
  const set = Object.entries(r.parameters).map(([k, v]) => `${k}=${v}`).join(", ");
  return `  - at your setting (${set}): **${r.verdict}**. ${r.reason}`;
}

/** What was measured and why, one line each. */
const explanationLines = (b: VersionOutcome) => [...b.explanation.measured.map((m) => `measured: ${m}`), ...b.explanation.why.map((w) => `why: ${w}`)];

/** verdictLines, then what was measured and why. */
function versionText(b: VersionOutcome): string[] {
  return [...verdictLines(b), ...explanationLines(b).map((l) => `  - ${l}`)];
}

export function showVerdicts(verdicts: readonly ClaimVerdict[]): void {
  const sources = [...new Set(verdicts.flatMap((v) => v.byVersion.map((b) => `Go ${b.go}: ${b.source}`)))].join("; ");
  showTable(verdictsTable(verdicts), { caption: `Verdicts computed just now from the evidence (${sources})` });
  const text = verdicts.map((v) => [`**${v.claim.id}: ${v.overall}.** The article: “${v.claim.claim}”.`, ...v.byVersion.flatMap(versionText)].join("\n")).join("\n\n");
  showMarkdown(text);
}

export const verdictData = (v: ClaimVerdict): VerdictData =>
  ({ id: v.claim.id, claim: v.claim.claim, overall: v.overall, byVersion: v.byVersion.map((b) => ({ go: b.go, verdict: b.verdict })) });

/** The evidence behind one claim's verdicts, folded: per version, what was measured and why. */
function explanationHtml(v: ClaimVerdict): string {
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
  const versions = v.byVersion.map((b) => `<li>Go ${escapeHtml(b.go)}${list(explanationLines(b))}</li>`);
  return `<details class="golab-explanation"><summary>How the lab decided ${escapeHtml(v.claim.id)}: what was measured, and the runtime code that allocated</summary><ul>${versions.join("")}</ul></details>`;
}

/**
 * Shows the verdict on one claim (by id), as a lesson gives it right after its result: the
 * verdict per Go version with its reason, the parts of a compound claim, the outcome at the
 * reader's setting, and the explanation folded below.
 */
export function showVerdict(verdicts: readonly ClaimVerdict[], id: string): void {
  const v = verdicts.find((x) => x.claim.id === id);
  if (!v) throw new Error(`no verdict for claim ${id} (have: ${verdicts.map((x) => x.claim.id).join(", ")})`);
  const markdown = [`**${v.claim.id}: ${v.overall}.**`, ...v.byVersion.flatMap(verdictLines)].join("\n");
  displayBundle({ "text/markdown": markdown, "text/plain": markdown, [VERDICT_MIME]: verdictData(v) });
  if (v.byVersion.some((b) => explanationLines(b).length)) {
    const html = explanationHtml(v);
    displayBundle({ "text/html": html, "text/plain": v.byVersion.flatMap(versionText).join("\n") });
  }
}
