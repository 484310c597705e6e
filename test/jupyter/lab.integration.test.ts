/**
 * `golab lab` as a reader uses it: JupyterLab opens a notebook with the TypeScript kernel, the
 * cells run in the browser, and JupyterLab renders the vega-lite chart. Headless Chromium (Debian's,
 * driven by playwright-core; set up by scripts/setup.sh) takes a screenshot:
 * .cache/jupyter-test/jupyterlab-vegalite.png.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, eventuallyEmpty, findChromium, golabUntil, jupyterProcesses, jupyterTempDirs, privateTmp } from "./helpers";

/** Where the screenshot goes (git-ignored); the chapter notebooks' test will write beside it. */
export const SCREENSHOT = path.join(REPO, ".cache", "jupyter-test", "jupyterlab-vegalite.png");

const CHROMIUM_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

test("golab lab: JupyterLab runs chapter 1 on tslab and renders its vega-lite chart", { timeout: 240_000 }, async (t) => {
  const chromium = findChromium();
  if (!chromium) {
    const why = "Chromium is not installed (bash scripts/setup.sh --chromium installs Debian's chromium, as npm test does; or set GOLAB_CHROMIUM)";
    process.stdout.write(`# SKIPPED the JupyterLab screenshot: ${why}\n`);
    t.skip(why);
    return;
  }
  // Loaded only here: the other tests do not need a browser driver.
  const { chromium: driver } = await import("playwright-core");
  const tmp = privateTmp();
  // Removed even when an assertion fails (the checks below look inside it first).
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const dir = fs.mkdtempSync(path.join(tmp, "labtest-"));
  const served = path.join(dir, "notebooks");
  fs.mkdirSync(served);
  // Chapter 1 as a reader opens it, copied so that JupyterLab's autosave cannot touch the repository;
  // its `../dist/kernel-helpers` import finds the built library through a link.
  fs.copyFileSync(path.join(REPO, "notebooks", "ch1.ipynb"), path.join(served, "ch1.ipynb"));
  fs.symlinkSync(path.join(REPO, "dist"), path.join(dir, "dist"));
  const lab = golabUntil(["lab", path.join(served, "ch1.ipynb"), "--no-browser"], /JupyterLab is running at (\S+)/, { env: { ...process.env, TMPDIR: tmp } });
  let context: Awaited<ReturnType<typeof driver.launchPersistentContext>> | undefined;
  try {
    const started = Date.now();
    const url = (await lab.matched)[1];
    process.stdout.write(`# JupyterLab ready in ${Date.now() - started} ms\n`);
    const u = new URL(url);
    assert.equal(u.hostname, "127.0.0.1");
    assert.match(u.searchParams.get("token") ?? "", /^[0-9a-f]{48}$/);
    assert.equal(u.pathname, "/lab/tree/ch1.ipynb");
    // Without the token, the server refuses.
    assert.equal((await fetch(new URL("/api/contents", url))).status, 403);

    context = await driver.launchPersistentContext(path.join(dir, "chromium-profile"), {
      executablePath: chromium, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 1000 },
    });
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(url);
    await page.locator(".jp-Notebook .jp-Cell").nth(3).waitFor({ timeout: 90_000 });
    await page.getByText(/TypeScript \| Idle/).waitFor({ timeout: 90_000 });
    const news = page.getByRole("button", { name: "No", exact: true });
    if (await news.isVisible()) await news.click();

    await page.getByRole("menuitem", { name: "Run", exact: true }).click();
    await page.getByRole("menuitem", { name: /^Run All Cells/ }).click();
    await page.getByText(/Chapter 1: Go 1\.\d+/).waitFor({ timeout: 120_000 });
    const marks = page.locator(".jp-OutputArea-output .vega-embed .marks").first();
    await marks.waitFor({ timeout: 60_000 });
    await marks.scrollIntoViewIfNeeded();
    // Something was drawn: vega's canvas (or SVG) holds the bars, axes and title.
    // (Runs in the page; this project's tsconfig has no DOM types, hence the structural type.)
    type Canvas = { width: number; height: number; getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
    const drawn = await marks.evaluate((el) => {
      if (el.tagName === "CANVAS") {
        const canvas = el as unknown as Canvas;
        const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
        return { kind: "canvas", ink };
      }
      return { kind: "svg", ink: el.querySelectorAll("path, rect, line, text").length };
    });
    assert.ok(drawn.ink > (drawn.kind === "canvas" ? 2000 : 10), `the chart drew nothing: ${JSON.stringify(drawn)}`);
    assert.equal(await page.locator(".jp-OutputArea-output .vega-embed").count(), 1, "one chart, rendered by JupyterLab's vega-lite renderer");
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    process.stdout.write(`# screenshot: ${SCREENSHOT} (${drawn.kind}, ${drawn.ink} inked)\n`);
  } finally {
    await context?.close();
    lab.child.kill("SIGINT");
    const { status } = await lab.closed;
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(status, 130, lab.output().stderr);
  }
  assert.match(lab.output().stderr, /stopping JupyterLab and its kernels/);
  assert.deepEqual(await eventuallyEmpty(() => jupyterProcesses(tmp)), [], "no JupyterLab or kernel left after Ctrl-C");
  assert.deepEqual(jupyterTempDirs(tmp), [], "no runtime folder left");
  fs.rmSync(tmp, { recursive: true, force: true });
});
