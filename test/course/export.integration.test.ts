/**
 * The README's main job: every chapter run headless through the real tslab kernel and exported as
 * HTML. Without Go (live=false: recorded datasets and the simulator) the course takes well under a
 * minute; with every installed Go it stays under five. Each page is opened in headless Chromium at
 * 1280 px: not blank, no console errors, no request or link outside the files, no horizontal
 * overflow, no visible table over 20 rows, charts with alt text, navigation and sections that
 * resolve, plumbing code hidden (and highlighted as TypeScript when shown), Go in prose as Go, and
 * in chapters 1–4 the Go programs measured, in chapter 5 the one timed, in chapter 6 the reader's
 * kind of program (code cases), highlighted as Go.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exportCourse, ExportResult, preparePage } from "../../kernel-helpers/course";
import { exportSummary } from "../../kernel-helpers/cli/written";
import { loadClaims } from "../../kernel-helpers/claims";
import type { VersionProvenance } from "../../kernel-helpers/display";
import { exportHtml, readNotebook, writeNotebook } from "../../kernel-helpers/jupyter";
import { findChromium } from "../jupyter/helpers";

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function outDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "course-test-"));
  dirs.push(d);
  return d;
}

type Output = { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> };

function outputsOf(executed: string): Output[] {
  const nb = JSON.parse(fs.readFileSync(executed, "utf8")) as { cells: { outputs?: Output[] }[] };
  return nb.cells.flatMap((c) => c.outputs ?? []);
}

/** The text a notebook's outputs show (not its code). */
function outputText(executed: string): string {
  const join = (x: unknown) => (Array.isArray(x) ? x.join("") : typeof x === "string" ? x : "");
  return outputsOf(executed).map((o) => join(o.text) + join(o.data?.["text/plain"]) + join(o.data?.["text/markdown"])).join("\n");
}

/** Outputs a notebook's kernel wrote to stderr (tslab's errors and type errors go there). */
function stderrOutputs(executed: string): string[] {
  const nb = JSON.parse(fs.readFileSync(executed, "utf8")) as { cells: { outputs?: { output_type: string; name?: string; text?: string | string[] }[] }[] };
  return nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stderr").map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text ?? ""));
}

function checkPages(r: ExportResult): void {
  assert.deepEqual(r.pages.map((p) => p.name), ["ch1", "ch2", "ch3", "ch4", "ch5", "ch6"]);
  assert.ok(fs.existsSync(r.index));
  const index = fs.readFileSync(r.index, "utf8");
  for (const p of r.pages) {
    assert.equal(p.failed, 0, `${p.name} had failing cells`);
    assert.deepEqual(stderrOutputs(path.join(r.outDir, "executed", `${p.name}.ipynb`)), [], `${p.name} wrote to stderr`);
    const html = fs.readFileSync(path.join(r.outDir, p.html), "utf8");
    const charts = html.match(/data-mime-type="image\/svg\+xml"/g) ?? [];
    assert.ok(charts.length >= 1, `${p.name} has no SVG chart`);
    assert.ok(index.includes(`href="${p.html}"`), `index links ${p.html}`);
  }
}

let simOnly: ExportResult;

test("without Go, the whole course exports in under a minute, every chapter with SVG charts", { timeout: 300_000 }, async () => {
  simOnly = await exportCourse({ outDir: outDir(), parameters: { live: false } });
  process.stdout.write(`# course without Go (recorded + simulated): ${simOnly.seconds.toFixed(1)} s\n`);
  checkPages(simOnly);
  assert.ok(simOnly.seconds < 60, `took ${simOnly.seconds.toFixed(1)} s`);
  for (const p of simOnly.pages) {
    const shown = outputText(path.join(simOnly.outDir, "executed", `${p.name}.ipynb`));
    assert.doesNotMatch(shown, /measured now|cached, measured/, `${p.name}: nothing may claim to be measured when no Go ran`);
    assert.match(shown, /recorded \d{4}-\d{2}-\d{2}/, `${p.name}: recorded results say so`);
  }
  // What `golab export --json` prints of it: no version ran, and every result is recorded or simulated.
  const summary = exportSummary(simOnly, { live: "false" }) as { pages: { file: string }[]; versions: VersionProvenance[]; failedCells: number };
  assert.equal(summary.failedCells, 0);
  assert.deepEqual(summary.pages.map((p) => fs.existsSync(p.file)), simOnly.pages.map(() => true));
  assert.ok(summary.versions.length > 0 && summary.versions.every((v) => !v.ran && !v.sources.live && !v.sources.cached), JSON.stringify(summary.versions));
  assert.ok(summary.versions.every((v) => (v.sources.recorded ?? 0) + (v.sources.simulated ?? 0) > 0));
});

/** What one page shows a reader, read in the browser. */
interface PageFacts {
  title: string;
  text: string;
  overflow: number;
  /** Rows of each table a reader sees without opening anything. */
  visibleTableRows: number[];
  chartAlts: string[];
  navHrefs: string[];
  missingAnchors: string[];
  /** Pygments classes of the spans inside shown TypeScript cells / Go blocks in prose, with their text. */
  tsTokens: string[];
  goTokens: string[];
  /** Tokens of each code block in a Markdown output (showProgram's Go programs). */
  programs: string[][];
  /** Per `##` section, in page order: its title and whether a Go program (highlighted as Go) is shown in it. */
  sections: { title: string; go: boolean }[];
  /** The index's verdict matrix: each row's claim link. */
  verdictLinks: string[];
  /** Text cells of the course's tables that the page sets right (numbers alone are set right). */
  rightAlignedText: string[];
}

/** Runs in the page (as text: the tests compile without the DOM's types). */
const PAGE_FACTS = `(() => {
  // A closed <details> keeps its content laid out (content-visibility) in Chromium: ask, do not measure.
  const visible = (e) => e.checkVisibility();
  const tokens = (sel) => [...document.querySelectorAll(sel + " .highlight span")].map((s) => s.className + ":" + s.textContent);
  return {
    title: document.title,
    text: document.body.innerText,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    visibleTableRows: [...document.querySelectorAll("table")].filter(visible).map((t) => t.querySelectorAll("tbody tr").length),
    chartAlts: [...document.querySelectorAll(".jp-RenderedSVG img")].map((i) => i.getAttribute("alt") || ""),
    navHrefs: [...document.querySelectorAll(".golab-nav a")].map((a) => a.getAttribute("href") || ""),
    // As a browser follows a fragment: the id as written, then percent-decoded.
    missingAnchors: [...document.querySelectorAll(".golab-toc a")].map((a) => (a.getAttribute("href") || "").slice(1)).filter((id) => !document.getElementById(id) && !document.getElementById(decodeURIComponent(id))),
    tsTokens: tokens(".jp-InputArea-editor"),
    goTokens: tokens(".jp-RenderedMarkdown"),
    programs: [...document.querySelectorAll(".jp-OutputArea-output .highlight")].map((h) => [...h.querySelectorAll("span")].map((s) => s.className + ":" + s.textContent)),
    sections: [...document.querySelectorAll("h2, .jp-OutputArea-output .highlight")].reduce((out, e) => {
      if (e.tagName === "H2") out.push({ title: e.textContent.replace(/¶$/, "").trim(), go: false });
      else if (out.length && [...e.querySelectorAll("span.kd")].some((s) => s.textContent === "func")) out[out.length - 1].go = true;
      return out;
    }, []),
    verdictLinks: [...document.querySelectorAll("table.golab-verdicts tbody tr")].map((tr) => tr.querySelector("a")?.getAttribute("href") || ""),
    rightAlignedText: [...document.querySelectorAll("table.golab-table td:not(.num)")].filter((td) => visible(td) && getComputedStyle(td).textAlign === "right").map((td) => td.textContent),
  };
})()`;

async function pageFacts(page: import("playwright-core").Page): Promise<PageFacts> {
  return (await page.evaluate(PAGE_FACTS)) as PageFacts;
}

async function withBrowser(t: import("node:test").TestContext, body: (page: import("playwright-core").Page, requests: string[], errors: string[]) => Promise<void>): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    process.stdout.write("# SKIPPED: Chromium is not installed (bash scripts/setup.sh --chromium installs it, as npm test does)\n");
    return t.skip("no Chromium");
  }
  const { chromium: driver } = await import("playwright-core");
  const context = await driver.launchPersistentContext(outDir(), {
    executablePath: chromium, headless: true, viewport: { width: 1280, height: 1600 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => !/^(file|data):/.test(r.url()) && requests.push(r.url()));
    await body(page, requests, errors);
  } finally {
    await context.close();
  }
}

/** External URLs a page would load or link: attributes and CSS url(); comments in nbconvert's CSS name their sources and load nothing. */
function externalUrls(html: string): string[] {
  return [...html.matchAll(/(?:\b(?:href|src|action|poster|srcset)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)(\w+:\/\/[^"' )>]+)/gi)].map((m) => m[1]);
}

test("every exported page reads well in headless Chromium at 1280 px", { timeout: 300_000 }, async (t) => {
  await withBrowser(t, async (page, requests, errors) => {
    const names = simOnly.pages.map((p) => p.html);
    let verdictLinks: string[] = [];
    const anchors = new Map<string, string[]>();
    for (const name of ["index.html", ...names]) {
      const html = fs.readFileSync(path.join(simOnly.outDir, name), "utf8");
      assert.deepEqual(externalUrls(html), [], `${name}: no external URL`);
      await page.goto(`file://${path.join(simOnly.outDir, name)}`);
      // Chapter pages draw their charts and panels with golab-live.js (course/live) once loaded.
      if (name !== "index.html") await page.waitForFunction("document.documentElement.dataset.golabLive === 'ready'");
      const shot = path.join(simOnly.outDir, `${name}.png`);
      await page.screenshot({ path: shot, fullPage: false });
      // A blank page compresses to almost nothing; text, tables and charts do not.
      assert.ok(fs.statSync(shot).size > 20_000, `${name}: the screenshot looks blank`);
      const f = await pageFacts(page);
      assert.ok(f.overflow <= 0, `${name}: ${f.overflow} px wider than the window`);
      assert.ok(f.visibleTableRows.every((n) => n <= 20), `${name}: a visible table has ${Math.max(...f.visibleTableRows)} rows`);
      assert.doesNotMatch(f.text, /`/, `${name}: raw Markdown backticks`);
      assert.deepEqual(f.rightAlignedText.slice(0, 3), [], `${name}: text in a table set right`);
      for (const href of f.navHrefs) assert.ok(fs.existsSync(path.join(simOnly.outDir, href)), `${name}: link to ${href} leads nowhere`);
      if (name === "index.html") {
        for (const p of simOnly.pages) assert.ok(f.text.includes(p.title), `index names ${p.title}`);
        assert.match(f.text, /Built on \d{4}-\d{2}-\d{2}, with these Go versions:\s*Go \d+\.\d+/);
        // The verdict matrix: every claim of the article once, each linked to the section of the lesson that tests it.
        assert.equal(f.verdictLinks.length, loadClaims().length, "a row per claim");
        verdictLinks = f.verdictLinks;
        continue;
      }
      const at = names.indexOf(name);
      assert.equal(f.title, simOnly.pages[at].title, `${name}: <title> is the chapter's`);
      const expected = ["index.html", ...(at > 0 ? [names[at - 1]] : []), ...(at < names.length - 1 ? [names[at + 1]] : [])];
      assert.deepEqual(f.navHrefs, [...expected, ...expected], `${name}: index, previous and next links, top and bottom`);
      assert.deepEqual(f.missingAnchors, [], `${name}: every section of the table of contents exists`);
      assert.ok(f.chartAlts.length >= 1, `${name}: no chart`);
      for (const alt of f.chartAlts) assert.match(alt, /^[^.]+\. \S.+\.$/, `${name}: chart alt text is the title and a sentence`);
      assert.deepEqual(f.tsTokens, [], `${name}: plumbing code is hidden`);
      // Chapters 1–4 tell each claim as a lesson, with the Go program that was measured (display/program.ts).
      // Go's lexer calls `func` a declaration keyword and `int` / `map` type keywords; TypeScript's would not.
      const isGoProgram = (tokens: string[]) => tokens.includes("kd:func") && tokens.some((t) => /^kt:/.test(t)) && tokens.some((t) => /^nx:probe\d+$/.test(t));
      if (/^ch[1-4]\.html$/.test(name)) assert.ok(f.programs.some(isGoProgram), `${name}: no measured Go program shown, highlighted as Go`);
      // ... and every lesson its own: a claim's section shows the Go program its evidence came from.
      // 2.5b reads the runtime's own gctrace lines: they, not a program, are its evidence, and only where Go runs.
      if (/^ch[1-4]\.html$/.test(name)) {
        const lessons = f.sections.filter((x) => /^\d\.\d[a-z]? /.test(x.title) && !x.title.startsWith("2.5b "));
        assert.ok(lessons.length > 0, `${name}: no lesson sections`);
        assert.deepEqual(lessons.filter((x) => !x.go).map((x) => x.title), [], `${name}: lessons without their Go program`);
      }
      anchors.set(name, await page.evaluate("[...document.querySelectorAll('[id]')].map((e) => e.id)") as string[]);
      // Chapter 5 shows the program its look-up timings come from (decision/): Go, highlighted as Go.
      const isGo = (tokens: string[]) => tokens.includes("kd:func") && tokens.some((t) => /^kt:/.test(t));
      if (name === "ch5.html") assert.ok(f.programs.some(isGo), `${name}: no Go program shown, highlighted as Go`);
      // Chapter 6 shows each code case as the file given to golab measure --code: a func probe(), as Go.
      if (name === "ch6.html") assert.ok(f.programs.some((p) => isGo(p) && p.includes("nx:probe")), `${name}: no code case shown, highlighted as Go`);
      // The interactive chart stands in for the static image on screen (print keeps the image).
      const chart = await page.locator(".jp-RenderedSVG :is(img, .golab-chart-live)").filter({ visible: true }).first().boundingBox();
      assert.ok(chart && chart.width > 200 && chart.height > 100, `${name}: no chart drawn`);
    }
    for (const href of verdictLinks) {
      const [file, id] = href.split("#");
      assert.ok(anchors.get(file)?.some((a) => a === id || a === decodeURIComponent(id)), `index: the verdict link ${href} leads to no lesson`);
    }
    const ch1 = await pageFacts((await page.goto(`file://${path.join(simOnly.outDir, "ch1.html")}`), page));
    assert.ok(ch1.goTokens.includes("kd:func") && ch1.goTokens.includes("kn:package"), "Go in the prose is highlighted as Go");
    assert.deepEqual(errors, [], "console errors");
    assert.deepEqual(requests, [], "requests to anything but files");
  });
});

test("--show-code shows the code, highlighted as TypeScript", { timeout: 120_000 }, async (t) => {
  const executed = readNotebook(path.join(simOnly.outDir, "executed", "ch1.ipynb"));
  const ready = path.join(outDir(), "ch1.ipynb");
  writeNotebook(ready, preparePage(executed, { title: "ch1", showCode: true, navigation: { index: { href: "index.html", title: "index" } } }));
  const html = await exportHtml(ready, path.join(path.dirname(ready), "ch1.html"));
  await withBrowser(t, async (page) => {
    await page.goto(`file://${html}`);
    const f = await pageFacts(page);
    // TypeScript's lexer calls `const` a declaration keyword and `await` a keyword; Python's would not.
    assert.ok(f.tsTokens.includes("kd:const"), "const is a declaration keyword");
    assert.ok(f.tsTokens.includes("k:await") || f.tsTokens.includes("k:import"), "await / import are keywords");
  });
});

test("with every installed Go the course still runs in under five minutes", { timeout: 600_000 }, async () => {
  const r = await exportCourse({ outDir: outDir() });
  process.stdout.write(`# course with Go (measured on installed versions, recorded for the rest): ${r.seconds.toFixed(1)} s\n`);
  checkPages(r);
  assert.ok(r.seconds < 300, `took ${r.seconds.toFixed(1)} s`);
  assert.match(outputText(path.join(r.outDir, "executed", "ch1.ipynb")), /measured now|cached, measured \d{4}-\d{2}-\d{2}/, "results of Go runs: now, or from this run's cache");
});
