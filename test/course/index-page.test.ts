/** The index's verdict matrix: read from the lessons' outputs, each claim linked to its lesson, a tally per Go version. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ChapterPage, headingId, indexPage, verdictsIn } from "../../kernel-helpers/course";
import { VERDICT_MIME } from "../../kernel-helpers/display";
import { Notebook } from "../../kernel-helpers/jupyter";

// Shapes only: placeholder verdicts, not claims about Go.
const verdict = (id: string, byVersion: [string, string][]) => ({
  output_type: "display_data", metadata: {},
  data: { "text/markdown": `**${id}**`, [VERDICT_MIME]: { id, claim: `claim <${id}>`, overall: byVersion[0][1], byVersion: byVersion.map(([go, v]) => ({ go, verdict: v })) } },
});
const code = (outputs: unknown[]) => ({ cell_type: "code", metadata: {}, source: "x", outputs, execution_count: 1 });
const markdown = (source: string) => ({ cell_type: "markdown", metadata: {}, source });

const run = {
  nbformat: 4, nbformat_minor: 5, metadata: {},
  cells: [
    markdown("# Chapter 9 — Title\n\nIntro."),
    code([verdict("9.0", [["1.26.8", "confirmed"]])]),
    markdown("## 9.1 A `map` question?\n\n> The article: …"),
    code([{ output_type: "stream", name: "stdout", text: "x" }]),
    code([verdict("9.1", [["1.19.8", "partly true"], ["1.26.8", "refuted"]])]),
    markdown("### A subsection\n\ntext"),
    code([verdict("9.1", [["1.19.8", "partly true"], ["1.26.8", "refuted"]]), verdict("9.2", [["1.26.8", "refuted"], ["1.19.8", "cannot be tested here"]])]),
  ],
} as unknown as Notebook;

const page: ChapterPage = { name: "ch9", title: "Chapter 9 — Title", html: "ch9.html", seconds: 1, slowestCell: null, failed: 0, summary: "Intro." };

test("a chapter's verdicts come from its outputs, in page order, once each, with the ## section that holds them", () => {
  const found = verdictsIn(run);
  assert.deepEqual(found.map((v) => [v.id, v.lesson?.text]), [["9.0", undefined], ["9.1", "9.1 A map question?"], ["9.2", "9.1 A map question?"]]);
  assert.equal(found[1].lesson?.id, headingId("9.1 A map question?"));
});

test("the index shows each chapter's verdict matrix, linked to the lessons, and a tally per Go version", () => {
  const html = indexPage([page], { date: "2026-12-02", parameters: {}, versions: [], verdicts: { ch9: verdictsIn(run) } });
  const table = /<table class="golab-verdicts">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  assert.deepEqual([...table.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1]), ["claim, and the lesson that tests it", "Go 1.19.8", "Go 1.26.8"]);
  const rows = [...table.matchAll(/<tr><td[^>]*>(.*?)<\/td>(.*?)<\/tr>/g)];
  assert.equal(rows.length, 3);
  assert.equal(rows[0][1], "9.0 claim &lt;9.0&gt;", "a verdict outside a lesson names its claim");
  assert.equal(rows[1][1], `<a href="ch9.html#${headingId("9.1 A map question?")}">9.1 A map question?</a>`);
  assert.deepEqual([...rows[1][2].matchAll(/<td class="([^"]+)">([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]), [["golab-v-partly-true", "partly true"], ["golab-v-refuted", "refuted"]]);
  assert.match(rows[0][2], /<td class="golab-v-no-evidence">no evidence<\/td><td class="golab-v-confirmed">confirmed<\/td>/, "a version a claim lacks says so");
  assert.match(html, /The lessons test 3 of the article's claims/);
  assert.match(html, /<li>Go 1\.26\.8: 1 <span class="golab-v-confirmed">confirmed<\/span>, 2 <span class="golab-v-refuted">refuted<\/span><\/li>/);
  assert.match(html, /<li>Go 1\.19\.8: 1 <span class="golab-v-partly-true">partly true<\/span>, 1 <span class="golab-v-cannot-be-tested-here">cannot be tested here<\/span><\/li>/);
});

test("without verdicts (a chapter that tests no claim) the index shows no matrix", () => {
  const html = indexPage([page], { date: "2026-12-02", parameters: {}, versions: [] });
  assert.doesNotMatch(html, /<table class="golab-verdicts">|The lessons test/);
});
