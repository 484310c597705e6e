/**
 * The course's written summary, computed from the verdicts: per Go version, how many claims the
 * article got right, partly right or wrong; then chapter by chapter, each claim in one sentence
 * drawn from its verdict's explanation (which parts held, what was measured), grouped by verdict.
 * Nothing here is typed about a claim: change the evidence and the summary changes with it.
 */
import { andList } from "../messages";
import { VersionVerdict } from "./outcome";
import { ClaimVerdict, VersionOutcome } from "./verdict";

/** How the summary names each verdict, as a heading. */
const HEADING: Record<VersionVerdict | "depends on the Go version", string> = {
  confirmed: "Right",
  "partly true": "Partly right",
  refuted: "Wrong",
  "depends on the Go version": "Right or wrong depending on the Go version",
  inconclusive: "Measured, but the measurement could not decide",
  "cannot be tested here": "Cannot be tested",
  "no experiment yet": "Not tested yet",
  "no evidence": "No evidence",
};
const ORDER = Object.keys(HEADING) as (keyof typeof HEADING)[];

/** "make(map[int]int, 0) [discard], -N -l: 0 mallocs (0 B)": the first sentence, without the simulator's sizes. */
function firstClause(text: string): string {
  return text.split(/; (?:sizes |the count depends)|\. (?=\S)/)[0].replace(/[.;:]\s*$/, "");
}

/** Text from runs, safe in Markdown: `runtime.(*mcache)` must not start italics. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, (c) => `\\${c}`);
}

/**
 * One version's account of a claim in one sentence: for a compound claim, the parts that held and
 * those that did not, with the measurement of the first that did not (or of the first part); for
 * a single claim, the measured comparison its verdict rests on.
 */
export function claimSentence(b: VersionOutcome): string {
  const parts = b.parts ?? [];
  if (parts.length <= 1) return `${firstClause(b.reason || (b.explanation.measured[0] ?? ""))}.`;
  const held = parts.filter((p) => p.holds);
  const failed = parts.filter((p) => !p.holds);
  const says = (ps: typeof parts) => ps.map((p) => `“${p.says}”`).join(", ");
  const lead = [
    held.length ? `${says(held)} ${held.length === 1 ? "holds" : "hold"}` : "",
    failed.length ? `${says(failed)} ${failed.length === 1 ? "does" : "do"} not` : "",
  ].filter(Boolean).join("; ");
  return `${lead}: ${firstClause((failed[0] ?? parts[0]).reason)}.`;
}

/** "Go 1.26.8 and Go 1.27.3" */
const versionList = (gos: readonly string[]) => andList(gos.map((g) => `Go ${g}`));

/** A claim's line: its sentence once where every version says the same, else one sub-item per group of versions. */
function claimLines(v: ClaimVerdict): string[] {
  const groups = new Map<string, { gos: string[]; verdict: string }>();
  for (const b of v.byVersion) {
    const text = claimSentence(b);
    const g = groups.get(text) ?? { gos: [], verdict: b.verdict };
    g.gos.push(b.go);
    groups.set(text, g);
  }
  const head = `- **${v.claim.id}** “${escapeMarkdown(v.claim.claim)}”`;
  if (groups.size === 1) return [`${head}: ${escapeMarkdown([...groups.keys()][0])}`];
  const varies = v.overall === "depends on the Go version";
  return [`${head}:`, ...[...groups].map(([text, g]) => `  - ${versionList(g.gos)}${varies ? ` (${g.verdict})` : ""}: ${escapeMarkdown(text)}`)];
}

/** Per Go version: "Go 1.26.8: right about 2 claims, partly right about 5, wrong about 12; 2 cannot be tested." */
export function verdictCounts(verdicts: readonly ClaimVerdict[]): string[] {
  const versions = [...new Set(verdicts.flatMap((v) => v.byVersion.map((b) => b.go)))];
  return versions.map((go) => {
    const count = (kind: VersionVerdict) => verdicts.filter((v) => v.byVersion.some((b) => b.go === go && b.verdict === kind)).length;
    const decided = (["confirmed", "partly true", "refuted"] as const).map((k) => `${HEADING[k].toLowerCase()} about ${count(k)}`);
    const rest = (["inconclusive", "cannot be tested here", "no experiment yet", "no evidence"] as const).filter((k) => count(k) > 0)
      .map((k) => `${count(k)} ${k}`);
    return `Go ${go}: ${decided.join(", ")}${rest.length ? `; ${rest.join(", ")}` : ""}.`;
  });
}

/** The summary as Markdown: the counts per version, then per chapter the claims grouped by verdict. */
export function claimsSummary(verdicts: readonly ClaimVerdict[]): string {
  const lines = ["Of the article's claims, the article was:", ...verdictCounts(verdicts).map((l) => `- ${l}`)];
  const chapters = [...new Set(verdicts.map((v) => v.claim.chapter))].sort((a, b) => a - b);
  for (const chapter of chapters) {
    lines.push("", `### Chapter ${chapter}`);
    const mine = verdicts.filter((v) => v.claim.chapter === chapter);
    for (const kind of ORDER) {
      const group = mine.filter((v) => v.overall === kind);
      if (group.length) lines.push("", `**${HEADING[kind]}**`, "", ...group.flatMap(claimLines));
    }
  }
  return lines.join("\n");
}
