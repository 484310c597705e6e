/**
 * Charts drawn in the page with vega-embed (inlined in golab-live.js: no CDN, no request): the
 * course's own charts, from the spec each static image carries, and the panels' charts. No
 * action menu: its "open in the editor" would send the chart to another site.
 */
import embed, { Result } from "vega-embed";

const views = new WeakMap<HTMLElement, Result>();

/** Draws `spec` into `into` (replacing what an earlier draw left), labelled for screen readers. */
export async function drawChart(into: HTMLElement, spec: object, label: string): Promise<void> {
  views.get(into)?.finalize();
  const view = await embed(into, spec as Parameters<typeof embed>[1], { actions: false, renderer: "svg" });
  views.set(into, view);
  into.setAttribute("role", "img");
  into.setAttribute("aria-label", label);
}

/**
 * Each static chart whose spec rode along (templates/golab-offline) gets its interactive twin in
 * front of it; the image stays for print and is hidden on screen once the twin is drawn.
 */
export async function liveCharts(root: ParentNode = document): Promise<number> {
  const specs = [...root.querySelectorAll<HTMLScriptElement>("script.golab-chart-spec")];
  for (const script of specs) {
    const holder = script.parentElement!;
    const div = document.createElement("div");
    div.className = "golab-chart-live";
    holder.insertBefore(div, holder.firstChild);
    const alt = holder.querySelector("img")?.getAttribute("alt") ?? "chart";
    await drawChart(div, JSON.parse(script.textContent ?? "{}") as object, alt);
    holder.classList.add("golab-chart-has-live");
  }
  return specs.length;
}
