import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { setDisplaySink, showChart, showTable, showMarkdown, progress, MimeBundle, VEGA_LITE_MIME } from "../../kernel-helpers/display";
import { groupedBars } from "../../kernel-helpers/chart";

function capture(): { bundle: MimeBundle; id?: string; update?: boolean }[] {
  const out: { bundle: MimeBundle; id?: string; update?: boolean }[] = [];
  setDisplaySink((bundle, id, update) => out.push({ bundle, id, update }));
  return out;
}

afterEach(() => setDisplaySink(null));

test("a chart is one output with the vega-lite spec and the same chart as static SVG, no HTML copy", async () => {
  const out = capture();
  const spec = groupedBars([{ k: "a", v: 1, g: "x" }], { x: "k", y: "v", color: "g", title: "t", source: "synthetic" });
  await showChart(spec);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].bundle[VEGA_LITE_MIME], spec);
  assert.match(String(out[0].bundle["image/svg+xml"]), /^<svg /);
  assert.equal(out[0].bundle["text/html"], undefined, "JupyterLab would prefer HTML over the vega-lite chart");
});

test("a table is HTML with a Markdown fallback, caption escaped", () => {
  const out = capture();
  showTable(aq.from([{ a: 1, b: "<x>" }]), { caption: "a < b" });
  assert.match(String(out[0].bundle["text/html"]), /<p class="golab-caption">a &lt; b<\/p><table/);
  assert.match(String(out[0].bundle["text/plain"]), /\|a\|b\|/);
});

test("a long table shows 20 rows, folds all of them below, and offers the exact data as CSV", () => {
  const out = capture();
  showTable(aq.from(Array.from({ length: 30 }, (_, i) => ({ n: i, allocated: 1024 * i, go: "1.26" }))), { caption: "growth" });
  const html = String(out[0].bundle["text/html"]);
  const [visible, folded] = html.split("<details");
  assert.equal((visible.match(/<tr>/g) ?? []).length, 21, "a header row and 20 rows");
  assert.equal((folded.match(/<tr>/g) ?? []).length, 31);
  assert.match(html, /<summary>All 30 rows<\/summary>/);
  assert.match(html, /<p class="golab-caption">growth. go: 1.26<\/p>/);
  const csv = decodeURIComponent(/href="data:text\/csv;charset=utf-8,([^"]*)"/.exec(html)![1]);
  assert.match(csv, /^n,allocated,go\n0,0,1.26\n1,1024,1.26\n/, "the CSV keeps exact bytes and every column");
  assert.match(html, /<td class="num" title="29,696 bytes">29 KiB<\/td>/);
  assert.match(String(out[0].bundle["text/plain"]), /\(10 more rows\)$/);
});

test("markdown goes out as text/markdown", () => {
  const out = capture();
  showMarkdown("**x**");
  assert.equal(out[0].bundle["text/markdown"], "**x**");
});

test("progress updates one display in place", () => {
  const out = capture();
  const p = progress("measuring");
  p.update("half");
  p.done();
  assert.equal(out.length, 3);
  assert.equal(new Set(out.map((o) => o.id)).size, 1);
  assert.deepEqual(out.map((o) => o.update), [false, true, true]);
  assert.match(String(out[2].bundle["text/plain"]), /^measuring: done \(/);
});

test("an empty table says so instead of drawing an empty grid", () => {
  const out = capture();
  showTable(aq.from([]), { caption: "traced" });
  assert.equal(out[0].bundle["text/html"], '<p class="golab-caption">traced</p><p class="golab-empty">(no rows)</p>');
});

test("a summary table offers the long form it summarises as its CSV", () => {
  const out = capture();
  showTable(aq.from([{ program: "p", "Go 1.26": "1 malloc, 8 KiB" }]), { caption: "summary", data: aq.from([{ case: "p", go: "1.26", allocated: 8192 }]) });
  const html = String(out[0].bundle["text/html"]);
  const csv = decodeURIComponent(/href="data:text\/csv;charset=utf-8,([^"]*)"/.exec(html)![1]);
  assert.equal(csv, "case,go,allocated\np,1.26,8192\n");
  assert.match(html, /<td>1 malloc, 8 KiB<\/td>/);
});

test("number columns are marked to set right; text columns (programs, reasons, mixed results) are not", () => {
  const out = capture();
  showTable(aq.from([
    { program: "make([]int, 8)", taken: 64, ratio: 0.287, why: "small object: size class 5 (64 B)", result: "1 malloc, 64 B" },
    { program: "make([]int, 9)", taken: 80, ratio: 1.5, why: "small object: size class 6 (80 B)", result: "—" },
  ]), { caption: "c" });
  const html = String(out[0].bundle["text/html"]);
  const head = [.../<thead>(.*?)<\/thead>/.exec(html)![1].matchAll(/<th( class="num")?>([^<]*)<\/th>/g)].map((m) => [m[2], Boolean(m[1])]);
  assert.deepEqual(head, [["program", false], ["taken", true], ["ratio", true], ["why", false], ["result", false]]);
  const first = [.../<tbody><tr>(.*?)<\/tr>/.exec(html)![1].matchAll(/<td( class="num")?[^>]*>([^<]*)<\/td>/g)].map((m) => Boolean(m[1]));
  assert.deepEqual(first, [false, true, true, false, false]);
});
