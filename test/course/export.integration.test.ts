/**
 * The README's main job: every chapter run headless through the real tslab kernel and exported as
 * HTML. Without Go (live=false: recorded datasets and the simulator) the course takes well under a
 * minute; with every installed Go it stays under five. Each page is opened in headless Chromium:
 * not blank, no console errors, every chart an SVG.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exportCourse, ExportResult } from "../../kernel-helpers/course";
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
  assert.deepEqual(r.pages.map((p) => p.name), ["ch1", "ch2", "ch3", "ch4", "ch5"]);
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
});

test("every exported page renders in headless Chromium: not blank, no console errors", { timeout: 300_000 }, async (t) => {
  const chromium = findChromium();
  if (!chromium) {
    process.stdout.write("# SKIPPED: Chromium is not installed (bash scripts/setup.sh installs it)\n");
    return t.skip("no Chromium");
  }
  const { chromium: driver } = await import("playwright-core");
  const profile = outDir();
  const context = await driver.launchPersistentContext(profile, {
    executablePath: chromium, headless: true, viewport: { width: 1200, height: 1600 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    for (const name of ["index.html", ...simOnly.pages.map((p) => p.html)]) {
      await page.goto(`file://${path.join(simOnly.outDir, name)}`);
      const shot = path.join(simOnly.outDir, `${name}.png`);
      await page.screenshot({ path: shot, fullPage: false });
      // A blank page compresses to almost nothing; text, tables and charts do not.
      assert.ok(fs.statSync(shot).size > 20_000, `${name}: the screenshot looks blank`);
      if (name !== "index.html") {
        const chart = page.locator(".jp-RenderedSVG").first();
        const box = await chart.boundingBox();
        assert.ok(box && box.width > 200 && box.height > 100, `${name}: no chart drawn`);
      }
    }
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("with every installed Go the course still runs in under five minutes", { timeout: 600_000 }, async () => {
  const r = await exportCourse({ outDir: outDir() });
  process.stdout.write(`# course with Go (measured on installed versions, recorded for the rest): ${r.seconds.toFixed(1)} s\n`);
  checkPages(r);
  assert.ok(r.seconds < 300, `took ${r.seconds.toFixed(1)} s`);
  assert.match(outputText(path.join(r.outDir, "executed", "ch1.ipynb")), /measured now|cached, measured \d{4}-\d{2}-\d{2}/, "results of Go runs: now, or from this run's cache");
});
