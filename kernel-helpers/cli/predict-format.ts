/** Terminal output of `golab predict`: a summary table, then every allocation and why. */
import { describeCase } from "../case";
import { simMessages } from "../messages";
import { AllocationRecord } from "../result";
import { SimCounts, SimResult } from "../sim";
import { formatBytes } from "../bytes";
import { allocationSize } from "./sizes";
import { textTable } from "./text-table";

function countCell(r: SimCounts): string {
  const d = r.distribution;
  if (!d) return String(r.mallocs);
  return d.min === d.max ? `${r.mallocs} (hash-dependent, same in all ${d.runs} seeds)` : `${d.median} (${d.min}–${d.max}, random)`;
}

const alike = (a: AllocationRecord, b: AllocationRecord): boolean =>
  a.size === b.size && a.rounded === b.rounded && a.path === b.path && a.site === b.site && a.random === b.random;

/**
 * Runs of repeated allocations (one, or a block of up to four, repeated back to back, such as
 * NewMap's table-and-groups pairs), so that 128 tables read as one block ×128.
 */
function runs(all: readonly AllocationRecord[]): { block: AllocationRecord[]; times: number }[] {
  const out: { block: AllocationRecord[]; times: number }[] = [];
  let i = 0;
  while (i < all.length) {
    let best = { p: 1, times: 1 };
    for (let p = 1; p <= 4 && i + p <= all.length; p++) {
      let times = 1;
      while (i + (times + 1) * p <= all.length && all.slice(i + times * p, i + (times + 1) * p).every((a, j) => alike(a, all[i + j]))) times++;
      if (times > 1 && times * p > best.times * best.p) best = { p, times };
    }
    out.push({ block: all.slice(i, i + best.p), times: best.times });
    i += best.p * best.times;
  }
  return out;
}

function line(a: AllocationRecord, indent: string): string {
  return `${indent}${allocationSize(a.size)} → ${allocationSize(a.rounded)}  ${a.path}  ${a.site}${a.random ? " [random]" : ""}\n${indent}    ${a.why ?? ""}`;
}

function allocationLines(r: SimResult): string[] {
  const lines = runs(r.allocations).map(({ block, times }) => {
    if (times === 1) return line(block[0], "  ");
    if (block.length === 1) return `  ${times}× ${line(block[0], "").replace("\n", "\n  ")} (the first of ${times})`;
    return `  ${times}× these ${block.length} (the first shown):\n${block.map((a) => line(a, "    ")).join("\n")}`;
  });
  const notes = r.notes.length > 20 ? [...r.notes.slice(0, 20), `(${r.notes.length - 20} more notes)`] : r.notes;
  return [...lines, ...notes.map((n) => `  · ${n}`)];
}

/** What the output needs of one result, so that a long batch need not keep every allocation. */
export interface PredictSummary {
  go: string;
  goarch: string;
  debug: boolean;
  /** Seeds of a hash-dependent run, if this case had one. */
  seeds?: number;
  row: string[];
  /** The per-allocation explanation (empty when brief). */
  details: string;
}

const isFull = (r: SimResult | SimCounts): r is SimResult => "notes" in r;

/** Summarises one result for the output (its allocations can then be dropped); counts alone give a brief summary. */
export function summarize(r: SimResult | SimCounts, { brief = false }: { brief?: boolean } = {}): PredictSummary {
  return {
    go: r.go,
    goarch: r.goarch,
    debug: r.debug,
    seeds: r.distribution?.runs,
    row: [describeCase(r.case), countCell(r), formatBytes(r.bytes), formatBytes(r.allocatedBytes), String(r.tinyAllocs)],
    details: brief || !isFull(r) ? "" : `\n${describeCase(r.case)}:${r.allocations.length === 0 ? " no allocation" : ""}\n${allocationLines(r).join("\n")}\n`,
  };
}

/** The predict command's output from summaries: where the numbers come from, one row per case, then the reasons. */
export function formatSummaries(summaries: readonly PredictSummary[]): string {
  const first = summaries[0];
  const seeds = summaries.find((s) => s.seeds !== undefined)?.seeds;
  const head = simMessages.predictHead(first.go, first.goarch, seeds, first.debug);
  const rows = summaries.map((s) => s.row);
  return `${head}\n\n${textTable(["case", "mallocs", "requested", "allocated", "tiny"], rows)}\n${summaries.map((s) => s.details).join("")}`;
}

/** The predict command's output for results in hand. */
export function formatPredict(results: readonly SimResult[], { brief = false }: { brief?: boolean } = {}): string {
  return formatSummaries(results.map((r) => summarize(r, { brief })));
}
