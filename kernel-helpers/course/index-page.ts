/** The course's index.html: the chapters, how each run went, and where the numbers came from. */
import { escapeHtml } from "../display";

export interface ChapterPage {
  name: string;
  title: string;
  html: string;
  seconds: number;
  failed: number;
}

export function indexPage(pages: readonly ChapterPage[], { date, parameters }: { date: string; parameters: Record<string, unknown> }): string {
  const rows = pages.map((p) => `<tr><td><a href="${escapeHtml(p.html)}">${escapeHtml(p.title)}</a></td><td>${p.seconds.toFixed(1)} s</td><td>${p.failed === 0 ? "ok" : `${p.failed} cell(s) failed`}</td></tr>`).join("\n");
  const params = Object.keys(parameters).length ? `<p>Parameters set for this export: <code>${escapeHtml(JSON.stringify(parameters))}</code></p>` : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>golab: what does Go really allocate?</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; } td, th { padding: 0.3rem 0.8rem; border-bottom: 1px solid #ddd; text-align: left; }
</style>
</head>
<body>
<h1>golab: what does this Go operation really allocate, on this Go version, and why?</h1>
<p>A course that tests, chapter by chapter, the claims of an article about <code>runtime.mallocgc</code> behind
<code>make</code>, <code>append</code> and map inserts. Every number in these pages was measured, traced or simulated when the
pages were made (${escapeHtml(date)}), or read from a recorded dataset that names its Go version, flags and date; each table says which.</p>
${params}
<table>
<thead><tr><th>chapter</th><th>run time</th><th>run</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
