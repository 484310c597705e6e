/**
 * The live pages (course/live) as a reader meets them, in headless Chromium from file://: the
 * size of golab-live.js, each page's time to interactive (from navigation until every panel has
 * answered and every chart is drawn: `golabLive.readyAt`), and the time of one prediction in the
 * page (`golabLive.whatIf` on a panel's case, median of many). Chapter 1 is exported without Go.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exportCourse } from "../kernel-helpers/course";
import { buildLiveBundle } from "../kernel-helpers/course/live";
import { MODELLED_VERSIONS } from "../kernel-helpers/sim";
import { findChromium } from "../test/jupyter/helpers";

/** The targets (issue 14). */
export const LIVE_TARGETS = { interactiveMs: 1000, predictionMs: 5 };

export interface LiveFigures {
  bundleBytes: number;
  /** golab's own code in it (the simulator, the parser, the panels); the rest is vega, vega-lite, vega-embed. */
  golabBytes: number;
  /** Median time to interactive of each page over `loads` loads, ms. */
  interactiveMs: Record<string, number>;
  /** Of which golab-live.js's own work (script start to ready: panels answered, charts drawn), ms. */
  scriptMs: Record<string, number>;
  /** One prediction in the page, per Go version, ms (the chapter 1 panel's case; the median of five batches' means). */
  predictionMs: Record<string, number>;
  /** Median of a whole panel update (prediction, table and chart drawn), ms, timed from the driver (its round trips included). */
  updateMs: number;
  /** 1000 inserts into make(map[int]int) on Go 1.26 (hash-dependent): one seed, and the page's full run, ms. */
  insertsMs: { quick: number; full: number };
  loads: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function benchLive({ loads = 5, predictions = 200 }: { loads?: number; predictions?: number } = {}): Promise<LiveFigures | null> {
  const chromium = findChromium();
  if (!chromium) return null;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-live-"));
  const { chromium: driver } = await import("playwright-core");
  const browser = await driver.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    await exportCourse({ outDir: out, parameters: { live: false }, only: ["ch1"] });
    const bundle = await buildLiveBundle(path.join(out, "golab-live.js"));
    const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
    const interactiveMs: Record<string, number> = {};
    const scriptMs: Record<string, number> = {};
    for (const file of ["ch1.html", "playground.html"]) {
      const times: number[] = [];
      const own: number[] = [];
      for (let i = 0; i < loads; i++) {
        await page.goto(`file://${path.join(out, file)}`);
        await page.waitForFunction("document.documentElement.dataset.golabLive === 'ready'");
        const { readyAt, startedAt } = (await page.evaluate("window.golabLive")) as { readyAt: number; startedAt: number };
        times.push(readyAt);
        own.push(readyAt - startedAt);
      }
      interactiveMs[file] = median(times);
      scriptMs[file] = median(own);
    }
    await page.goto(`file://${path.join(out, "ch1.html")}`);
    await page.waitForFunction("document.documentElement.dataset.golabLive === 'ready'");
    const predictionMs: Record<string, number> = {};
    for (const go of MODELLED_VERSIONS) {
      predictionMs[go] = (await page.evaluate(`(() => {
        const c = { op: "makemap", key: "int", elem: "int", hint: 1000 };
        // A file:// page's clock ticks in 0.1 ms: one batch's mean, the median of five batches.
        const batches = [];
        for (let b = 0; b < 5; b++) {
          const s = performance.now();
          for (let i = 0; i < ${predictions}; i++) window.golabLive.whatIf(c, { go: ${JSON.stringify(go)} });
          batches.push((performance.now() - s) / ${predictions});
        }
        return batches.sort((a, b) => a - b)[2];
      })()`)) as number;
    }
    // A hash-dependent case: the one seed a panel shows at once, and the page's full run after it.
    const inserts = (await page.evaluate(`(() => {
      const c = { op: "mapinsert", key: "int", elem: "int", n: 1000 };
      const time = (quick, times) => { const s = performance.now(); for (let i = 0; i < times; i++) window.golabLive.whatIf(c, { go: "1.26", quick }); return (performance.now() - s) / times; };
      return { quick: time(true, 20), full: time(false, 3) };
    })()`)) as { quick: number; full: number };
    // A whole update as the reader waits for it: input event to the redrawn chart.
    const updates: number[] = [];
    const hint = page.locator("#what-if .golab-whatif >> nth=0 >> input[name='hint']");
    for (let i = 0; i < 20; i++) {
      const value = String(900 + i * 7);
      const started = Date.now();
      await hint.fill(value);
      await page.waitForFunction(`[...document.querySelectorAll("#what-if .golab-whatif .golab-whatif-why")].some((td) => td.textContent.includes("hint ${value}"))`);
      updates.push(Date.now() - started);
    }
    return { bundleBytes: bundle.bytes, golabBytes: bundle.golabBytes, interactiveMs, scriptMs, predictionMs, updateMs: median(updates), insertsMs: inserts, loads };
  } finally {
    await browser.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export function liveTable(f: LiveFigures | null): string {
  if (!f) return "live pages: not measured (Chromium is not installed)";
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const worstTti = Math.max(...Object.values(f.interactiveMs));
  const worstPrediction = Math.max(...Object.values(f.predictionMs));
  return [
    "live pages (headless Chromium, file://; chapter 1 exported without Go)",
    "",
    "| figure | value | target |",
    "|---|---|---|",
    `| golab-live.js (one file: simulator, parser, vega-embed + vega + vega-lite) | ${kib(f.bundleBytes)} (golab's own code ${kib(f.golabBytes)}) | — |`,
    ...Object.entries(f.interactiveMs).map(([page, ms]) => `| time to interactive, ${page} (median of ${f.loads} loads; golab-live.js's own part ${f.scriptMs[page].toFixed(0)} ms) | ${ms.toFixed(0)} ms | < ${LIVE_TARGETS.interactiveMs} ms${ms < LIVE_TARGETS.interactiveMs ? "" : " (missed)"} |`),
    ...Object.entries(f.predictionMs).map(([go, ms]) => `| one prediction in the page, make(map[int]int, 1000), Go ${go} | ${ms.toFixed(3)} ms | < ${LIVE_TARGETS.predictionMs} ms${ms < LIVE_TARGETS.predictionMs ? "" : " (missed)"} |`),
    `| 1000 inserts into make(map[int]int), Go 1.26 (hash-dependent): one seed, shown at once | ${f.insertsMs.quick.toFixed(2)} ms | < ${LIVE_TARGETS.predictionMs} ms${f.insertsMs.quick < LIVE_TARGETS.predictionMs ? "" : " (missed)"} |`,
    `| the same over the page's 200 seeds (the median that replaces it) | ${f.insertsMs.full.toFixed(0)} ms | — |`,
    `| a panel's whole update (input → table and chart redrawn; timed from the driver, its round trips included) | ${f.updateMs.toFixed(0)} ms | — |`,
    "",
    `Worst time to interactive ${worstTti.toFixed(0)} ms, worst prediction ${worstPrediction.toFixed(3)} ms.`,
  ].join("\n");
}

if (require.main === module) {
  benchLive().then((f) => process.stdout.write(`${liveTable(f)}\n`)).catch((e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
