/** A chapter made ready for its page: title, TypeScript, plumbing hidden, sections; the index's Markdown. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureWorkingCopies, firstParagraph, headingId, headings, inlineHtml, preparePage } from "../../kernel-helpers/course";
import { Notebook } from "../../kernel-helpers/jupyter";

const nb = {
  nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Chapter 9 — A title\n\nWhat `make` does.\nSecond line.\n\n```go\n# not a heading\n```\n" },
    { cell_type: "code", metadata: { tags: ["parameters"] }, source: "const n = 1;", outputs: [], execution_count: null },
    { cell_type: "code", metadata: {}, source: "lab.show()", outputs: [{ output_type: "display_data", data: { "text/plain": "x" }, metadata: {} }], execution_count: null },
    { cell_type: "code", metadata: { tags: ["show-code"] }, source: "shown()", outputs: [], execution_count: null },
    { cell_type: "markdown", metadata: {}, source: "## What a `GODEBUG=gctrace=1` line says\n\ntext" },
  ],
} as unknown as Notebook;

const tagsOf = (n: Notebook) => n.cells.map((c) => (c.metadata?.tags as string[] | undefined) ?? []);

test("code is plumbing unless tagged show-code: hidden, and gone when it shows nothing", () => {
  const page = preparePage(nb, { title: "Chapter 9", showCode: false, navigation: { index: { href: "index.html", title: "i" } } });
  assert.deepEqual(tagsOf(page), [[], ["parameters", "remove-cell"], ["remove-input"], ["show-code"], []]);
  assert.deepEqual(tagsOf(preparePage(nb, { title: "t", showCode: true, navigation: { index: { href: "index.html", title: "i" } } })), tagsOf(nb));
});

test("the page knows its title, its language and its sections", () => {
  const page = preparePage(nb, { title: "Chapter 9", showCode: false, navigation: { index: { href: "index.html", title: "i" }, next: { href: "ch10.html", title: "Ten" } } });
  const m = page.metadata as Record<string, any>;
  assert.equal(m.title, "Chapter 9");
  assert.equal(m.language_info.pygments_lexer, "typescript");
  assert.deepEqual(m.golab.toc, [{ id: "What-a-GODEBUG=gctrace=1-line-says", text: "What a GODEBUG=gctrace=1 line says" }]);
  assert.equal(m.golab.next.href, "ch10.html");
});

test("headings inside fenced code are not sections; the first paragraph is the summary", () => {
  const text = nb.cells[0].source as string;
  assert.deepEqual(headings(text).map((h) => h.text), ["Chapter 9 — A title"]);
  assert.equal(firstParagraph(text), "What `make` does. Second line.");
  assert.equal(firstParagraph("# T\n\nIt claims:\n\n| a | b |\n|---|---|\n\n```go\nx\n```\n\nThis one."), "This one.");
  assert.equal(inlineHtml("What `make<T>` does, **really**"), "What <code>make&lt;T&gt;</code> does, <strong>really</strong>");
});

test("golab lab's working copies are made once and then left alone", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "working-copy-"));
  try {
    const from = path.join(dir, "notebooks");
    fs.mkdirSync(from);
    fs.writeFileSync(path.join(from, "ch1.ipynb"), JSON.stringify(nb));
    const first = ensureWorkingCopies(from);
    assert.equal(first.dir, path.join(dir, "notebooks-work"));
    assert.deepEqual(first.copied, ["ch1.ipynb"]);
    fs.writeFileSync(path.join(first.dir, "ch1.ipynb"), "edited");
    assert.deepEqual(ensureWorkingCopies(from).copied, []);
    assert.equal(fs.readFileSync(path.join(first.dir, "ch1.ipynb"), "utf8"), "edited");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a heading's id is nbconvert's: spaces as hyphens, other characters outside its safe set URL-quoted", () => {
  assert.equal(headingId("6.5 []byte(s): when does a conversion copy?"), "6.5-%5B%5Dbyte(s):-when-does-a-conversion-copy?");
  assert.equal(headingId("Chapter 1 — How many"), "Chapter-1-%E2%80%94-How-many");
  assert.equal(headingId("2.1a Ten ints: 80 B, rounded up to 96 B?"), "2.1a-Ten-ints:-80-B,-rounded-up-to-96-B?");
});
