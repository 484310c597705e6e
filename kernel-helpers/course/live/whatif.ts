/**
 * One "what if" answer as a page computes it: the case through parseCase (the CLI's one door),
 * then the simulator, exactly as `golab predict` runs them. Pure (no DOM, no Node): the browser
 * bundle and the tests call the same function. Bad input comes back as one `golab: …` line,
 * never as an exception, so a panel can show it where the reader typed.
 */
import { Case, parseCase } from "../../case";
import { GolabError } from "../../errors";
import { liveMessages } from "../../messages";
import { DEFAULT_SEEDS, SimResult, simulate } from "../../sim";

/**
 * The most steps of a case's loop a page follows (inserts, deletes, re-inserts and copies of a
 * map operation, string concatenations, new calls): one seed of 1.19's map costs about 4 µs an
 * insert, and each step of the other loops is an allocation the page lists.
 */
export const PAGE_MAX_INSERTS = 200_000;
/** Allocations a page lists, folded under the first ones; the totals and the chart count every one. */
export const PAGE_LISTED_ALLOCATIONS = 1000;
/** The largest map hint a page makes (1.26's map of hint 10^7 lists about 26,000 allocations). */
export const PAGE_MAX_HINT = 10_000_000;
/** Inserts × seeds a page runs for a hash-dependent case: 1000 inserts get predict's 200 seeds. */
export const PAGE_WORK = 200_000;

/** One allocation as the panels' tables and charts show it. */
export interface AllocationRow {
  "#": number;
  size: number;
  rounded: number;
  class: number;
  path: string;
  site: string;
  random: boolean;
  why: string;
}

export type WhatIf =
  | { ok: true; result: SimResult; rows: AllocationRow[]; label: string; seeds?: string }
  | { ok: false; message: string };

/** A result's allocations, one row each, in the order the runtime makes them. */
export function allocationRows(r: SimResult): AllocationRow[] {
  return r.allocations.map((a, i) => ({
    "#": i + 1, size: a.size, rounded: a.rounded, class: a.sizeClass, path: a.path, site: a.site, random: a.random ?? false, why: a.why ?? "",
  }));
}

/**
 * The loop a case runs, what the simulator's time grows with: a map operation's inserts, deletes,
 * re-inserts and copies, a string concatenated in a loop, new called N times. Other cases make a
 * few allocations whatever their sizes (a slice grows in a few dozen steps).
 */
export function pageLoop(c: Case): { what: string; steps: number } | undefined {
  switch (c.op) {
    case "mapinsert": return { what: "inserts", steps: c.n };
    case "mapdelete": return { what: "inserts, deletes and re-inserts", steps: c.n + c.d + c.r };
    case "mapclear": return { what: "inserts and re-inserts", steps: c.n + c.r };
    case "mapclone": return { what: "inserts and copies", steps: 2 * c.n };
    case "concatloop": return { what: "concatenations", steps: c.n };
    case "new": return { what: "new calls", steps: c.n ?? 1 };
    default: return undefined;
  }
}

/** Refuses what would freeze the page for seconds; the CLI runs such cases. */
function checkPageBudget(c: Case): void {
  const loop = pageLoop(c);
  if (loop && loop.steps > PAGE_MAX_INSERTS) throw new GolabError(liveMessages.tooBigForPage(loop.what, loop.steps, PAGE_MAX_INSERTS));
  const hint = c.op === "makemap" || c.op === "mapinsert" || c.op === "mapdelete" || c.op === "mapclear" || c.op === "mapclone" ? c.hint : undefined;
  if (hint !== undefined && hint > PAGE_MAX_HINT) throw new GolabError(liveMessages.tooBigForPage("hint", hint, PAGE_MAX_HINT));
}

/** Hash seeds a page runs for a case: predict's default, fewer for a long loop (its steps × seeds stay within PAGE_WORK). */
export function pageSeeds(c: Case): number {
  const loop = pageLoop(c);
  return loop ? Math.max(1, Math.min(DEFAULT_SEEDS, Math.floor(PAGE_WORK / Math.max(loop.steps, 1)))) : DEFAULT_SEEDS;
}

/**
 * What a case allocates on Go `go`, for a page. `quick` runs one hash seed (shown at once while
 * the page's full run waits); a hash-dependent result says how many seeds it is the median of.
 */
export function whatIf(input: unknown, { go, quick = false }: { go: string; quick?: boolean }): WhatIf {
  try {
    const c = parseCase(input);
    checkPageBudget(c);
    const result = simulate(c, { go, seeds: quick ? 1 : pageSeeds(c) });
    const d = result.distribution;
    const seeds = !d ? undefined : quick ? liveMessages.refining(pageSeeds(c)) : liveMessages.seedsUsed(d.runs, d.min, d.max, DEFAULT_SEEDS);
    return { ok: true, result, rows: allocationRows(result), label: liveMessages.simulatedHere(result.go), ...(seeds ? { seeds } : {}) };
  } catch (e) {
    return { ok: false, message: `golab: ${e instanceof GolabError ? e.message : liveMessages.bug(String((e as Error)?.message ?? e))}` };
  }
}

/**
 * A case from a panel's inputs: the template's fixed fields, then each input's text. A size that
 * is a plain decimal becomes a number; any other text goes to the parser as it is, which refuses
 * it with its own message. An empty optional size is left out (`make(map[K]V)` has no hint).
 */
export function caseFromInputs(fixed: Record<string, unknown>, inputs: Record<string, string>, sizeFields: readonly string[]): Record<string, unknown> {
  const c: Record<string, unknown> = { ...fixed };
  for (const [name, text] of Object.entries(inputs)) {
    const t = text.trim();
    if (!sizeFields.includes(name)) c[name] = t;
    else if (t !== "") c[name] = /^(0|[1-9][0-9]*)$/.test(t) ? Number(t) : t;
  }
  return c;
}
