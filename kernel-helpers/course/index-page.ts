/**
 * The course's index.html: one paragraph per chapter (its opening paragraph), when it was built
 * and with which Go versions (both read from the run), and how each chapter's run went.
 */
import type { VersionProvenance } from "../display";
import { escapeHtml } from "../display/escape";
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
}

/** The title the index page (and every chapter's link back to it) carries. */
export const COURSE_TITLE = "golab: what does Go really allocate?";

const chapterHtml = (p: ChapterPage) => `<section class="chapter">
<h2><a href="${escapeHtml(p.html)}">${escapeHtml(p.title)}</a></h2>
<p>${inlineHtml(p.summary)}</p>
<p class="run">Run for this export in ${p.seconds.toFixed(1)} s; ${p.failed === 0 ? "every cell ran" : `${p.failed} cell(s) failed`}.</p>
</section>`;

export function indexPage(pages: readonly ChapterPage[], { date, parameters, versions, playground }: IndexFacts): string {
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
@media print { a { color: inherit; text-decoration: none; } .chapter { break-inside: avoid; } }
`,
    body: `
<h1>golab: what does this Go operation really allocate, on this Go version, and why?</h1>
<p>A course that tests, chapter by chapter, the claims of an article about <code>runtime.mallocgc</code> behind
<code>make</code>, <code>append</code> and map inserts, then asks the same of code you write. Every number in these pages was measured, traced or simulated when the
pages were made, or read from a recorded dataset that names its Go version, flags and date; each table says which.</p>
<p>Built on ${escapeHtml(date)}, with these Go versions:</p>
${goList}
${params}
${playground ? `<p class="playground">Try any case yourself, on several Go versions side by side: <a href="${escapeHtml(playground)}">the playground</a>
(golab's simulator runs in the page; nothing is sent anywhere). Each chapter about the article's operations ends with its own "what if" panels.</p>` : ""}
${pages.map(chapterHtml).join("\n")}
`,
  });
}
