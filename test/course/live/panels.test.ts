/** Which panels a chapter gets, opened at the sizes its parameters ran with; their markup contract. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chapterPanels, makePageLive, panelHtml, parameterSizes, whatIfSectionHtml } from "../../../kernel-helpers/course/live";
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

test("no parameters cell, no panels; every chapter of the course has some but the reader's own code, which the simulator cannot run", () => {
  assert.deepEqual(chapterPanels("ch1", notebook([{ source: "const hint = 1;" }])), []);
  for (const c of chapters()) {
    const panels = chapterPanels(c.name, readNotebook(c.file));
    if (c.name === "ch6") assert.deepEqual(panels, [], "ch6 (code cases) has no what-if panel");
    else assert.ok(panels.length > 0, `${c.name} has no what-if panel`);
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
