/**
 * A panel's results in the page: per Go version, the simulator's label, the totals, the
 * allocations table (size, size class, path, site and the runtime's reason), then one chart of
 * every version. Built with the DOM (text nodes only): nothing typed becomes markup.
 */
import { allocationsChart } from "../chart";
import { liveMessages } from "../../../messages";
import { AllocationRow, PAGE_LISTED_ALLOCATIONS, WhatIf } from "../whatif";
import { drawChart } from "./charts";

/** One version's answer. */
export interface VersionAnswer {
  go: string;
  answer: WhatIf;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const n = (v: number) => v.toLocaleString("en-US");

const COLUMNS: { head: string; cell: (a: AllocationRow) => string; num?: boolean }[] = [
  { head: "#", cell: (a) => String(a["#"]), num: true },
  { head: "size (B)", cell: (a) => n(a.size), num: true },
  { head: "size class", cell: (a) => String(a.class), num: true },
  { head: "taken (B)", cell: (a) => n(a.rounded), num: true },
  { head: "path", cell: (a) => a.path + (a.random ? " (random)" : "") },
];

/** Allocations shown before the rest fold away (two rows each: the course shows at most 20 rows). */
export const SHOWN_ALLOCATIONS = 10;

function table(rows: readonly AllocationRow[]): HTMLElement {
  const scroll = el("div", "golab-whatif-scroll");
  const t = el("table", "golab-whatif-table");
  const head = t.createTHead().insertRow();
  for (const c of COLUMNS) head.appendChild(el("th", c.num ? "num" : undefined, c.head));
  const body = t.createTBody();
  // The runtime function that asked and its reason go on a line of their own under the
  // allocation, so that versions fit side by side.
  for (const a of rows) {
    const tr = body.insertRow();
    for (const c of COLUMNS) tr.appendChild(el("td", c.num ? "num" : undefined, c.cell(a)));
    const why = el("td", "golab-whatif-why");
    why.append(el("code", "golab-whatif-site", a.site), `: ${a.why}`);
    why.colSpan = COLUMNS.length;
    body.insertRow().appendChild(why);
  }
  scroll.appendChild(t);
  return scroll;
}

/**
 * The first allocations, and the rest folded below when there are more (as the course's tables
 * do): up to PAGE_LISTED_ALLOCATIONS of them, since laying out every row of a long loop would
 * hold the page for a long time; the totals above count every one.
 */
function tables(rows: readonly AllocationRow[]): HTMLElement[] {
  if (rows.length <= SHOWN_ALLOCATIONS) return [table(rows)];
  const all = el("details", "golab-all-rows");
  const listed = rows.length > PAGE_LISTED_ALLOCATIONS ? liveMessages.firstListed(PAGE_LISTED_ALLOCATIONS, rows.length) : liveMessages.allListed(rows.length);
  all.append(el("summary", undefined, listed), table(rows.slice(0, PAGE_LISTED_ALLOCATIONS)));
  return [table(rows.slice(0, SHOWN_ALLOCATIONS)), all];
}

function versionBlock({ go, answer }: VersionAnswer, several: boolean): HTMLElement {
  const block = el("div", "golab-whatif-version");
  block.dataset.go = go;
  if (several) block.appendChild(el("h3", undefined, `Go ${go}`));
  if (!answer.ok) {
    const p = el("p", "golab-whatif-error", answer.message);
    p.setAttribute("role", "alert");
    block.appendChild(p);
    return block;
  }
  const r = answer.result;
  block.appendChild(el("p", "golab-whatif-label", answer.label));
  const taken = r.allocatedBytes;
  block.appendChild(el("p", "golab-whatif-totals",
    `${n(r.mallocs)} malloc${r.mallocs === 1 ? "" : "s"}, ${n(r.bytes)} B requested, ${n(taken)} B taken` + (r.tinyAllocs ? `, ${n(r.tinyAllocs)} in a tiny block` : "")));
  if (answer.seeds) block.appendChild(el("p", "golab-whatif-seeds", answer.seeds));
  block.append(...(answer.rows.length ? tables(answer.rows) : []));
  for (const note of r.notes.slice(0, 8)) block.appendChild(el("p", "golab-whatif-note", `· ${note}`));
  return block;
}

/**
 * Shows the answers in `output`. The same input error on every version is said once; the chart
 * is drawn (or redrawn) when at least one version answered.
 */
export async function showAnswers(output: HTMLElement, answers: readonly VersionAnswer[], title: string): Promise<void> {
  const errors = answers.filter((a) => !a.answer.ok).map((a) => (a.answer as { message: string }).message);
  const oneError = errors.length === answers.length && errors.length > 0 && errors.every((m) => m === errors[0]);
  let chart = output.querySelector<HTMLElement>(".golab-whatif-chart");
  output.replaceChildren();
  if (oneError) {
    const p = el("p", "golab-whatif-error", errors[0]);
    p.setAttribute("role", "alert");
    output.appendChild(p);
    return;
  }
  const results = el("div", "golab-whatif-results");
  for (const a of answers) results.appendChild(versionBlock(a, answers.length > 1));
  output.appendChild(results);
  const ok = answers.flatMap((a) => (a.answer.ok ? [{ go: a.answer.result.go, rows: a.answer.rows }] : []));
  if (!ok.length || !ok.some((r) => r.rows.length)) return;
  chart ??= el("div", "golab-whatif-chart");
  output.appendChild(chart);
  const spec = allocationsChart(ok, { title: `${title}: bytes taken per allocation` });
  await drawChart(chart, spec, `${spec.title && typeof spec.title === "object" ? spec.title.text : title}. ${spec.description ?? ""}`);
}
