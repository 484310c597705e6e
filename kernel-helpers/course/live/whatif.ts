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

/** The most inserts a page follows in one case (one seed of 1.19's map costs about 4 µs an insert). */
export const PAGE_MAX_INSERTS = 200_000;
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

/** Refuses what would freeze the page for seconds; the CLI runs such cases. */
function checkPageBudget(c: Case): void {
  if (c.op === "mapinsert" && c.n > PAGE_MAX_INSERTS) throw new GolabError(liveMessages.tooBigForPage("inserts", c.n, PAGE_MAX_INSERTS));
  const hint = c.op === "makemap" || c.op === "mapinsert" ? c.hint : undefined;
  if (hint !== undefined && hint > PAGE_MAX_HINT) throw new GolabError(liveMessages.tooBigForPage("hint", hint, PAGE_MAX_HINT));
}

/** Hash seeds a page runs for a case: predict's default, fewer for a long insert loop. */
export function pageSeeds(c: Case): number {
  return c.op === "mapinsert" ? Math.max(1, Math.min(DEFAULT_SEEDS, Math.floor(PAGE_WORK / Math.max(c.n, 1)))) : DEFAULT_SEEDS;
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
