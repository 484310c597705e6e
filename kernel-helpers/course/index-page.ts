/**
 * The course's index.html: one paragraph per chapter (its opening paragraph), when it was built
 * and with which Go versions (both read from the run), how each chapter's run went, and the
 * verdict matrix: per Go version how many claims held, then under each chapter its claims, each
 * linked to its lesson, with the verdict on every Go version (read from the lessons' outputs).
 */
import { VERDICT_KINDS } from "../claims/outcome";
import type { VersionProvenance } from "../display";
import { escapeHtml } from "../display/escape";
import type { LessonVerdict } from "./verdicts";
import { inlineHtml } from "./markdown";
import { htmlDocument } from "./html-page";
import { describeVersion } from "./provenance";

export interface ChapterPage {
  name: string;
  title: string;
  html: string;
  seconds: number;
  /** The slowest code cell: its place among the notebook's cells and its seconds. */
  slowestCell: { index: number; seconds: number } | null;
  failed: number;
  /** The chapter's opening paragraph, Markdown. */
  summary: string;
}

export interface IndexFacts {
  /** The day the export ran ("2026-12-02"). */
  date: string;
  parameters: Record<string, unknown>;
  /** What the chapters' runs recorded about each Go version. */
  versions: readonly VersionProvenance[];
  /** The playground page's file, when the export wrote one (course/live). */
  playground?: string;
  /** Each chapter's verdicts (by chapter name), as its lessons showed them. */
  verdicts?: Readonly<Record<string, readonly LessonVerdict[]>>;
}

/** A verdict word's class (its colour on the index): "partly true" → "golab-v-partly-true". */
const verdictClass = (verdict: string) => `golab-v-${verdict.replace(/[^a-z]+/gi, "-").toLowerCase()}`;

/** The Go versions the verdicts cover, in version order. */
function verdictVersions(verdicts: readonly LessonVerdict[]): string[] {
  return [...new Set(verdicts.flatMap((v) => v.byVersion.map((b) => b.go)))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** One chapter's rows of the verdict matrix: a claim per row (its lesson linked), a Go version per column. */
function verdictTableHtml(page: ChapterPage, verdicts: readonly LessonVerdict[]): string {
  const versions = verdictVersions(verdicts);
  const claimCell = (v: LessonVerdict) => (v.lesson
    ? `<a href="${escapeHtml(`${page.html}#${v.lesson.id}`)}">${escapeHtml(v.lesson.text)}</a>`
    : `${escapeHtml(v.id)} ${escapeHtml(v.claim)}`);
  const cell = (v: LessonVerdict, go: string) => {
    const verdict = v.byVersion.find((b) => b.go === go)?.verdict ?? "no evidence";
    return `<td class="${verdictClass(verdict)}">${escapeHtml(verdict)}</td>`;
  };
  return `<table class="golab-verdicts"><thead><tr><th>claim, and the lesson that tests it</th>${versions.map((go) => `<th>Go ${escapeHtml(go)}</th>`).join("")}</tr></thead>
<tbody>${verdicts.map((v) => `<tr><td title="${escapeHtml(`The article: ${v.claim}`)}">${claimCell(v)}</td>${versions.map((go) => cell(v, go)).join("")}</tr>`).join("\n")}</tbody></table>`;
}

/** Per Go version, how many of the claims got each verdict: "Go 1.26.8: 3 confirmed, 4 partly true, …". */
function verdictTally(all: readonly LessonVerdict[]): string {
  if (all.length === 0) return "";
  const lines = verdictVersions(all).map((go) => {
    const counts = VERDICT_KINDS.map((kind) => [kind, all.filter((v) => v.byVersion.find((b) => b.go === go)?.verdict === kind).length] as const).filter(([, n]) => n > 0);
    return `<li>Go ${escapeHtml(go)}: ${counts.map(([kind, n]) => `${n} <span class="${verdictClass(kind)}">${escapeHtml(kind)}</span>`).join(", ")}</li>`;
  });
  return `<p>The lessons test ${all.length} of the article's claims. How they came out on each Go version (each chapter below lists its own, linked to the lesson that tests it):</p>
<ul class="golab-tally">${lines.join("")}</ul>`;
}

/** The title the index page (and every chapter's link back to it) carries. */
export const COURSE_TITLE = "golab: what does Go really allocate?";

const chapterHtml = (p: ChapterPage, verdicts: readonly LessonVerdict[] = []) => `<section class="chapter">
<h2><a href="${escapeHtml(p.html)}">${escapeHtml(p.title)}</a></h2>
<p>${inlineHtml(p.summary)}</p>
${verdicts.length ? verdictTableHtml(p, verdicts) : ""}
<p class="run">Run for this export in ${p.seconds.toFixed(1)} s; ${p.failed === 0 ? "every cell ran" : `${p.failed} cell(s) failed`}.</p>
</section>`;

export function indexPage(pages: readonly ChapterPage[], { date, parameters, versions, playground, verdicts = {} }: IndexFacts): string {
  const params = Object.keys(parameters).length
    ? `<p>Parameters set for this export: ${Object.entries(parameters).map(([k, v]) => `<code>${escapeHtml(`${k} = ${String(v)}`)}</code>`).join(", ")}.</p>` : "";
  const goList = versions.length
    ? `<ul class="versions">${versions.map((v) => `<li>${escapeHtml(describeVersion(v))}</li>`).join("")}</ul>`
    : "<p>No chapter recorded which Go versions it used.</p>";
  return htmlDocument({
    title: COURSE_TITLE,
    css: `
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
code { background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
.chapter h2 { font-size: 1.2rem; margin-bottom: 0.2rem; }
.run { color: #666; font-size: 0.9em; margin-top: 0.2rem; }
table.golab-verdicts { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.92em; width: 100%; }
.golab-verdicts th, .golab-verdicts td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
.golab-verdicts th { background: #f6f8fa; font-weight: 600; }
.golab-verdicts td + td, .golab-verdicts th + th { width: 8.5em; }
.golab-tally span { padding: 0 0.25em; border-radius: 3px; }
.golab-v-confirmed { background: #d9efcf; }
.golab-v-partly-true { background: #fbebc6; }
.golab-v-refuted { background: #f6d3ce; }
.golab-v-inconclusive { background: #e4def3; }
.golab-v-cannot-be-tested-here, .golab-v-no-experiment-yet, .golab-v-no-evidence { background: #eceeee; }
@media print { a { color: inherit; text-decoration: none; } .chapter { break-inside: avoid; } .golab-verdicts td, .golab-tally span { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`,
    body: `
<h1>golab: what does this Go operation really allocate, on this Go version, and why?</h1>
<p>A course that tests, chapter by chapter, the claims of an article about <code>runtime.mallocgc</code> behind
<code>make</code>, <code>append</code> and map inserts, then asks the same of code you write. Every number in these pages was measured, traced or simulated when the
pages were made, or read from a recorded dataset that names its Go version, flags and date; each table says which.</p>
<p>Built on ${escapeHtml(date)}, with these Go versions:</p>
${goList}
${params}
${verdictTally(pages.flatMap((p) => verdicts[p.name] ?? []))}
${playground ? `<p class="playground">Try any case yourself, on several Go versions side by side: <a href="${escapeHtml(playground)}">the playground</a>
(golab's simulator runs in the page; nothing is sent anywhere). Each chapter ends with its own "what if" panels.</p>` : ""}
${pages.map((p) => chapterHtml(p, verdicts[p.name])).join("\n")}
`,
  });
}
