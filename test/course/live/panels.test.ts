/** Which panels a chapter gets, opened at the sizes its parameters ran with; their markup contract. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { caseFromInputs, chapterPanels, makePageLive, panelHtml, parameterSizes, whatIf, whatIfSectionHtml } from "../../../kernel-helpers/course/live";
import { chapters } from "../../../kernel-helpers/course";
import { Notebook, readNotebook } from "../../../kernel-helpers/jupyter";
import { MODELLED_VERSIONS } from "../../../kernel-helpers/sim";

const notebook = (cells: { tags?: string[]; source: string }[]) => ({
  nbformat: 4, nbformat_minor: 5, metadata: {},
  cells: cells.map((c) => ({ cell_type: "code", metadata: c.tags ? { tags: c.tags } : {}, source: c.source, outputs: [], execution_count: null })),
}) as unknown as Notebook;

test("sizes come from the parameters as the chapter ran them: numbers, a list's last value, then --set overrides", () => {
  const nb = notebook([
    { tags: ["parameters"], source: "const hint = 1000; // the hint\nconst sizes = [8, 16, 1_024]; // sizes\nconst live = true;\n" },
    { tags: ["injected-parameters"], source: "// Parameters injected by golab run --set\nconst hint = 9;\n" },
  ]);
  assert.deepEqual([...parameterSizes(nb)], [["hint", 9], ["sizes", 1024]]);
  const [map, slice] = chapterPanels("ch1", nb);
  assert.deepEqual(map.inputs.map((i) => [i.name, i.value, i.size]), [["key", "int", false], ["elem", "int", false], ["hint", "9", true]]);
  assert.equal(slice.inputs.find((i) => i.name === "len")?.value, "1000", "a parameter the chapter lacks opens at the template's size");
  assert.deepEqual(map.versions, MODELLED_VERSIONS);
});

test("no parameters cell, no panels; every chapter of the course has some", () => {
  assert.deepEqual(chapterPanels("ch1", notebook([{ source: "const hint = 1;" }])), []);
  for (const c of chapters()) assert.ok(chapterPanels(c.name, readNotebook(c.file)).length > 0, `${c.name} has no what-if panel`);
});

test("chapter 6's panels are the simulator's cases of its programs' shape, opened at the chapter's sizes, and each answers", () => {
  const ch6 = chapters().find((c) => c.name === "ch6")!;
  const sizes = parameterSizes(readNotebook(ch6.file));
  const panels = chapterPanels("ch6", readNotebook(ch6.file));
  assert.deepEqual(panels.map((p) => p.fixed.op), ["concatloop", "builder", "convert"]);
  assert.equal(panels[0].inputs.find((i) => i.name === "n")?.value, String(sizes.get("pieces")), "n is the chapter's pieces");
  assert.equal(panels[2].inputs.find((i) => i.name === "len")?.value, String(sizes.get("length")), "len is the chapter's length");
  for (const p of panels) {
    const input = Object.fromEntries(p.inputs.map((i) => [i.name, i.value]));
    const a = whatIf(caseFromInputs(p.fixed, input, p.inputs.filter((i) => i.size).map((i) => i.name)), { go: p.go });
    assert.ok(a.ok && a.rows.length > 0, `${p.title}: ${JSON.stringify(a)}`);
  }
});

test("a panel's markup keeps the contract: .golab-whatif holding named inputs, results in .golab-whatif-output", () => {
  const [p] = chapterPanels("ch1", notebook([{ tags: ["parameters"], source: "const hint = 5;" }]));
  const html = panelHtml({ ...p, title: 'make(map[K]V, "<hint>")' });
  assert.match(html, /^<section class="golab-whatif" data-golab-case="\{&quot;op&quot;:&quot;makemap&quot;\}"/);
  for (const name of ["key", "elem", "hint"]) assert.match(html, new RegExp(`<input name="${name}" `));
  assert.match(html, /<input name="hint" value="5" [^>]*data-golab-size>/);
  assert.match(html, /<select name="go">.*<option value="1\.26\.8" selected>/);
  assert.match(html, /<div class="golab-whatif-output" aria-live="polite">/);
  assert.ok(html.includes("&quot;&lt;hint&gt;&quot;") && !html.includes('"<hint>"'), "text is escaped");
  assert.match(whatIfSectionHtml([p]), /id="what-if".*\n.*\n[\s\S]*href="playground.html"/);
});

test("a live page names its script, carries its panels, and lists them in its table of contents", () => {
  const run = notebook([{ tags: ["parameters"], source: "const n = 7;" }]);
  const page = { ...run, metadata: { golab: { toc: [{ id: "a", text: "A" }] } } } as unknown as Notebook;
  const live = makePageLive(page, { chapter: "ch4", executed: run }).metadata.golab as { toc: { id: string }[]; live: { script: string; panels: string } };
  assert.deepEqual(live.toc.map((t) => t.id), ["a", "what-if"]);
  assert.equal(live.live.script, "golab-live.js");
  assert.match(live.live.panels, /<input name="n" value="7"/);
  const none = makePageLive(page, { chapter: "ch4", executed: notebook([{ source: "x" }]) }).metadata.golab as { toc: unknown[]; live: { panels: string } };
  assert.equal(none.live.panels, "");
  assert.equal(none.toc.length, 1);
});

test("chapter 2's key panel is string(b), kept, opened at the chapter's keyLen (lesson 2.2d)", () => {
  const panels = chapterPanels("ch2", notebook([{ tags: ["parameters"], source: "const keyLen = 40; // bytes\n" }]));
  const key = panels.find((p) => p.fixed.op === "convert");
  assert.ok(key, "ch2 has a conversion panel");
  assert.deepEqual([key.fixed, key.inputs.map((i) => [i.name, i.value, i.size])], [{ op: "convert", to: "string" }, [["len", "40", true]]]);
});
