/**
 * golab-live.js's entry: every "what if" panel and the playground answer from the simulator in
 * the page, and the course's charts are drawn interactively. When all are up, the document says
 * so (`data-golab-live="ready"`) and `window.golabLive` records when, for tests and the bench.
 */
import { whatIf } from "../whatif";
import { liveCharts } from "./charts";
import { wirePanel } from "./panel";
import { wirePlayground } from "./playground";

declare global {
  interface Window {
    /** When the script started and when everything was up (ms since navigation), and the page's whatIf. */
    golabLive?: { startedAt: number; readyAt?: number; whatIf: typeof whatIf };
  }
}

async function start(): Promise<void> {
  window.golabLive = { startedAt: performance.now(), whatIf };
  const panels = [...document.querySelectorAll<HTMLElement>(".golab-whatif")];
  await Promise.all(panels.map((p) => (p.querySelector('input[name="case"]') ? wirePlayground(p) : wirePanel(p))));
  await liveCharts();
  window.golabLive.readyAt = performance.now();
  document.documentElement.dataset.golabLive = "ready";
}

start().catch((e: unknown) => {
  document.documentElement.dataset.golabLive = "failed";
  console.error("golab-live:", e);
});
