/**
 * Live pages in headless Chromium, from file:// as a reader opens them: a chapter's "what if"
 * panel and the playground answer a new size at once (table and chart change, and agree with the
 * simulator run here in Node), a bad type shows the parser's message, the course's charts are
 * drawn interactively with the static SVG kept for print, and no request leaves the page. The
 * course is exported for chapter 1 only, without Go.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { exportCourse } from "../../../kernel-helpers/course";
import { AllocationRow, PAGE_LISTED_ALLOCATIONS, whatIf } from "../../../kernel-helpers/course/live";
import { findChromium } from "../../jupyter/helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-live-pages-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

before(async () => {
  await exportCourse({ outDir: dir, parameters: { live: false }, only: ["ch1"] });
}, { timeout: 300_000 });

/** The simulator's rows for a case, as the page's tables show them (size, size class, taken, path). */
function expectedRows(input: unknown, go: string): string[][] {
  const a = whatIf(input, { go });
  assert.ok(a.ok, `the case is valid: ${JSON.stringify(input)}`);
  const n = (v: number) => v.toLocaleString("en-US");
  return a.rows.map((r: AllocationRow) => [String(r["#"]), n(r.size), String(r.class), n(r.rounded), r.path + (r.random ? " (random)" : "")]);
}

// Runs in the page (typed `any`: the tests compile without the DOM's types).
/** What a panel's output shows: per version block, its table's allocation rows; its error; its chart's bars. */
const outputFacts = (output: any) => ({
  versions: [...output.querySelectorAll(".golab-whatif-version")].map((v: any) => ({
    go: v.dataset.go,
    label: v.querySelector(".golab-whatif-label")?.textContent ?? "",
    // The last table holds every allocation (the first 10 are shown, the rest folded below).
    rows: [...v.querySelectorAll(".golab-whatif-table")].slice(-1).flatMap((t: any) => [...t.querySelectorAll("tbody tr")]
      .filter((tr: any) => !tr.querySelector(".golab-whatif-why")).map((tr: any) => [...tr.cells].map((c: any) => c.textContent))),
  })),
  error: output.querySelector(".golab-whatif-error")?.textContent ?? null,
  bars: output.querySelectorAll(".golab-whatif-chart svg .mark-rect path").length,
  chart: output.querySelector(".golab-whatif-chart svg")?.outerHTML ?? "",
});

interface OutputFacts {
  versions: { go: string; label: string; rows: string[][] }[];
  error: string | null;
  bars: number;
  chart: string;
}

async function facts(page: Page, output: string): Promise<OutputFacts> {
  return page.locator(output).evaluate(outputFacts) as Promise<OutputFacts>;
}

async function withPage(t: import("node:test").TestContext, body: (page: Page, requests: string[], errors: string[]) => Promise<void>): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    process.stdout.write("# SKIPPED: Chromium is not installed (bash scripts/setup.sh installs it)\n");
    return t.skip("no Chromium");
  }
  const { chromium: driver } = await import("playwright-core");
  const browser = await driver.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => !/^(file|data):/.test(r.url()) && requests.push(r.url()));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await body(page, requests, errors);
    assert.deepEqual(errors, [], "no error in the page");
    assert.deepEqual(requests, [], "no request leaves the page");
  } finally {
    await browser.close();
  }
}

async function open(page: Page, file: string): Promise<void> {
  await page.goto(`file://${path.join(dir, file)}`);
  // Run in the page, as text: the tests compile without the DOM's types.
  await page.waitForFunction("document.documentElement.dataset.golabLive !== undefined");
  assert.equal(await page.evaluate("document.documentElement.dataset.golabLive"), "ready");
}

/** Waits until the output shows something other than `before` (the page answers on input, without a button). */
async function changed(page: Page, output: string, before: OutputFacts): Promise<OutputFacts> {
  for (let i = 0; i < 50; i++) {
    const now = await facts(page, output);
    if (JSON.stringify(now) !== JSON.stringify(before)) return now;
    await page.waitForTimeout(20);
  }
  assert.fail("the output did not change");
}

test("a chapter's panel answers a new size and a bad type at once, as the simulator does; its charts are live", { timeout: 120_000 }, async (t) => {
  await withPage(t, async (page) => {
    await open(page, "ch1.html");
    const panel = "#what-if .golab-whatif >> nth=0";
    const output = `${panel} >> .golab-whatif-output`;
    assert.deepEqual(await page.locator(`${panel} >> input`).evaluateAll((l: any[]) => l.map((i) => i.name)), ["key", "elem", "hint"]);
    const go = await page.locator(`${panel} >> select[name="go"]`).inputValue();
    const first = await facts(page, output);
    const hint = await page.locator(`${panel} >> input[name="hint"]`).inputValue();
    assert.deepEqual(first.versions[0].rows.slice(0, 10), expectedRows({ op: "makemap", key: "int", elem: "int", hint: Number(hint) }, go).slice(0, 10));
    assert.match(first.versions[0].label, /^simulated in your browser/);
    // The section's link to the playground looks like a link (the page's own style gives bare links the text's colour).
    const [link, text] = (await page.evaluate(`(() => { const a = document.querySelector("#what-if > p a[href='playground.html']"); return [getComputedStyle(a).color, getComputedStyle(a.parentElement).color]; })()`)) as string[];
    assert.notEqual(link, text, "the playground link is coloured as a link");
    assert.ok(first.bars > 0, "the panel's chart has bars");

    await page.locator(`${panel} >> input[name="hint"]`).fill("9");
    const nine = await changed(page, output, first);
    assert.deepEqual(nine.versions[0].rows, expectedRows({ op: "makemap", key: "int", elem: "int", hint: 9 }, go));
    assert.notDeepEqual(nine.versions[0].rows, first.versions[0].rows, "the table changed");
    assert.notEqual(nine.chart, first.chart, "the chart changed");
    assert.equal(nine.bars, nine.versions[0].rows.length, "a bar per allocation");
    await page.screenshot({ path: path.join(dir, "ch1-what-if.png") });

    await page.locator(`${panel} >> input[name="key"]`).fill("int]");
    const bad = await changed(page, output, nine);
    const expected = whatIf({ op: "makemap", key: "int]", elem: "int", hint: 9 }, { go });
    assert.equal(expected.ok, false);
    assert.equal(bad.error, (expected as { message: string }).message);
    assert.deepEqual(bad.versions, [], "no stale table beside the message");

    await page.locator(`${panel} >> select[name="go"]`).selectOption("1.19.8");
    await page.locator(`${panel} >> input[name="key"]`).fill("string");
    const old = await changed(page, output, bad);
    assert.deepEqual(old.versions[0].rows, expectedRows({ op: "makemap", key: "string", elem: "int", hint: 9 }, "1.19.8"));

    // The course's own charts: drawn by vega in the page, the static SVG kept for print.
    const specs = await page.locator("script.golab-chart-spec").count();
    assert.ok(specs >= 1, "the page carries its charts' specs");
    assert.equal(await page.locator(".golab-chart-live svg").count(), specs, "every chart drawn interactively");
    assert.equal(await page.locator(".golab-chart-has-live > img").first().isVisible(), false, "the static image steps aside on screen");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".golab-chart-has-live > img").first().isVisible(), true, "print keeps the static SVG");
    assert.equal(await page.locator(".golab-chart-live").first().isVisible(), false);
    assert.equal(await page.locator("#what-if").isVisible(), false, "print leaves the panels out");
  });
});

test("the playground: any case on the versions picked, side by side, in a URL that shares it", { timeout: 120_000 }, async (t) => {
  await withPage(t, async (page) => {
    const index = fs.readFileSync(path.join(dir, "index.html"), "utf8");
    assert.match(index, /<a href="playground.html">the playground<\/a>/, "the index links the playground");
    const fragment = `#${new URLSearchParams({ case: "make(map[int]int, 100)", go: "1.19.8,1.26.8" })}`;
    await open(page, `playground.html${fragment}`);
    const output = ".golab-playground >> .golab-whatif-output";
    const first = await facts(page, output);
    assert.deepEqual(first.versions.map((v) => v.go), ["1.19.8", "1.26.8"], "the versions the link named");
    for (const v of first.versions) assert.deepEqual(v.rows, expectedRows("make(map[int]int, 100)", v.go));

    await page.locator('.golab-playground >> input[name="case"]').fill("make([]byte, 40000)");
    const slice = await changed(page, output, first);
    for (const v of slice.versions) assert.deepEqual(v.rows, expectedRows("make([]byte, 40000)", v.go));
    assert.notEqual(slice.chart, first.chart, "the chart changed");
    assert.equal(slice.bars, slice.versions.reduce((n, v) => n + v.rows.length, 0));
    const hash = (await page.evaluate("location.hash")) as string;
    assert.equal(new URLSearchParams(hash.slice(1)).get("case"), "make([]byte, 40000)", "the URL carries the case");
    assert.equal(await page.locator(".golab-share-link").getAttribute("href"), hash);

    await page.locator('.golab-playground >> input[name="go"][value="1.27.3"]').check();
    const three = await changed(page, output, slice);
    assert.deepEqual(three.versions.map((v) => v.go), ["1.19.8", "1.26.8", "1.27.3"]);
    await page.screenshot({ path: path.join(dir, "playground.png"), fullPage: true });

    // A long loop: the totals count every allocation, the folded table lists the first ones and says so.
    const loop = `concatloop(2, ${PAGE_LISTED_ALLOCATIONS * 3})`;
    await page.locator('.golab-playground >> input[name="case"]').fill(loop);
    const long = await changed(page, output, three);
    const made = (whatIf(loop, { go: "1.26" }) as { rows: unknown[] }).rows.length;
    assert.ok(made > PAGE_LISTED_ALLOCATIONS);
    for (const v of long.versions) assert.equal(v.rows.length, PAGE_LISTED_ALLOCATIONS, `Go ${v.go}: the folded table's rows`);
    const summaries = await page.locator(".golab-playground .golab-all-rows > summary").allTextContents();
    assert.ok(summaries.length === 3 && summaries.every((t) => t === `the first ${PAGE_LISTED_ALLOCATIONS} of ${made} allocations (golab predict lists every one)`), summaries.join(" | "));
    assert.match(await page.locator(".golab-playground .golab-whatif-totals").first().innerText(), new RegExp(`^${made.toLocaleString("en-US")} mallocs`));

    const json = '{"op":"mapinsert","key":"strin","elem":"int","n":10}';
    await page.locator('.golab-playground >> input[name="case"]').fill(json);
    const bad = await changed(page, output, long);
    assert.equal(bad.error, (whatIf(json, { go: "1.26" }) as { message: string }).message);
    assert.match(bad.error ?? "", /^golab: unknown type name "strin"/);

    // A shared link opens on its case.
    await page.goto(`file://${path.join(dir, "playground.html")}${hash}`);
    await page.waitForFunction('document.documentElement.dataset.golabLive === "ready"');
    assert.equal(await page.locator('.golab-playground >> input[name="case"]').inputValue(), "make([]byte, 40000)");
    process.stdout.write(`# screenshots: ${dir}/ch1-what-if.png, ${dir}/playground.png (removed after the run)\n`);
  });
});

test("served by a static host, the pages work the same and ask it for nothing but their own files", { timeout: 120_000 }, async (t) => {
  const chromium = findChromium();
  if (!chromium) return t.skip("no Chromium");
  const http = await import("node:http");
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    asked.push(url.pathname);
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}`;
  const { chromium: driver } = await import("playwright-core");
  const browser = await driver.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => !r.url().startsWith(`${origin}/`) && !r.url().startsWith("data:") && elsewhere.push(r.url()));
    for (const file of ["index.html", "ch1.html", `playground.html#${new URLSearchParams({ case: "make([]byte, 33)", go: "1.26.8" })}`]) {
      await page.goto(`${origin}/${file}`);
      if (file === "index.html") continue;
      await page.waitForFunction("document.documentElement.dataset.golabLive !== undefined");
      assert.equal(await page.evaluate("document.documentElement.dataset.golabLive"), "ready", file);
      const output = await facts(page, ".golab-whatif-output >> nth=0");
      assert.ok(output.versions.length > 0 && output.versions[0].rows.length > 0, `${file}: the first panel answered`);
    }
    // The browser's own asks (an icon) would show as 404s in the reader's console: the pages name an empty one.
    assert.deepEqual(errors, [], "no error in the page or the console");
    assert.deepEqual(elsewhere, [], "no request leaves the host");
    assert.deepEqual([...new Set(asked)].sort(), ["/ch1.html", "/golab-live.js", "/index.html", "/playground.html"], "only the pages and their script");
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
