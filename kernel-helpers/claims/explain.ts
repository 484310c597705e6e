/**
 * The explanation beside each verdict, per Go version: what the article says, what was measured
 * (with exact sizes where the simulator accounts for the same run: it agrees with the measured
 * count and bytes), and why the runtime does it, naming the runtime function and, where that Go is
 * installed, the line that defines it. The simulator never decides a verdict; it only explains one
 * the measurement decided, and only where the two agree.
 */
import { describeCase, experimentKey } from "../case";
import { MeasureResult } from "../measure";
import { AllocationRecord } from "../result";
import { agreement, SimResult } from "../sim";
import { simulateExperiment } from "../store";
import { countOf, labelOf, sizesOf } from "./format";
import { CheckOutcome } from "./outcome";
import { Claim } from "./registry";
import { RuntimeSources } from "./runtime-source";

export interface Explanation {
  /** What the article says. */
  article: string;
  /** What was measured, one line per program, with exact sizes where the simulator agrees. */
  measured: string[];
  /** Why, one line per runtime function that allocated (or per reason nothing was allocated). */
  why: string[];
}

/** The simulator's account of a result's run (remembered by the store), or null where it has none. */
function simulated(r: MeasureResult): SimResult | null {
  try {
    return simulateExperiment({ case: r.case, debug: r.build.debug }, r.go);
  } catch {
    // A version or case the simulator does not model: the measurement stands alone.
    return null;
  }
}

const bytes = (a: AllocationRecord) =>
  a.path === "zero" ? `0 B (takes no memory)` : a.rounded === a.size ? `${a.size} B` : a.rounded === 0 ? `${a.size} B (inside a tiny block)` : `${a.size} B (takes ${a.rounded})`;

/** "48 B, 40896 B (takes 40960), 24 B", with repeats counted. */
function exactSizes(allocations: readonly AllocationRecord[]): string {
  const counts = new Map<string, number>();
  for (const a of allocations) counts.set(bytes(a), (counts.get(bytes(a)) ?? 0) + 1);
  return [...counts].map(([s, n]) => (n === 1 ? s : `${s} ×${n}`)).join(", ");
}

/** The allocator's own wording ("small object: size class 5 (48 B)") is left to the sizes. */
const shortWhy = (why: string | undefined) => (why ?? "").split(/; (?:small object|large object|tiny allocator|size 0)/)[0];

function measuredLine(r: MeasureResult, sim: SimResult | null): string {
  const head = `${labelOf(r)}: ${countOf(r)}`;
  if (!sim) return `${head}; sizes by size bucket ${sizesOf(r)}`;
  const ag = agreement(sim, r);
  if (!ag.agree) return `${head}; sizes by size bucket ${sizesOf(r)} (the simulator does not agree here: ${ag.differences[0]})`;
  if (sim.allocations.length === 0) return head;
  if (ag.kind === "random") {
    return `${head}; the count depends on the map's hash seed: sizes of one simulated run, whose range of counts holds the measured median: ${exactSizes(sim.allocations)}`;
  }
  return `${head}; sizes as the simulator accounts for them, agreeing with the measured count and bytes: ${exactSizes(sim.allocations)}`;
}

function whyLines(results: readonly { r: MeasureResult; sim: SimResult | null }[], go: string, sources?: RuntimeSources): string[] {
  // One line per runtime function and reason; the same reason repeated per insert is one line, counted.
  const bySite = new Map<string, { site: string; why: string; n: number }>();
  const notes: string[] = [];
  for (const { r, sim } of results) {
    if (!sim || !agreement(sim, r).agree) continue;
    // Counted within one program: the same allocation in two programs (8 and 9 inserts) is one.
    const here = new Map<string, number>();
    for (const a of sim.allocations) {
      const why = shortWhy(a.why);
      const key = `${a.site}|${why.replace(/^insert \d+: /, "")}`;
      here.set(key, (here.get(key) ?? 0) + 1);
      const seen = bySite.get(key);
      if (seen) seen.n = Math.max(seen.n, here.get(key)!);
      else bySite.set(key, { site: a.site, why, n: 1 });
    }
    if (sim.allocations.length === 0) notes.push(...sim.notes.map((n) => `${describeCase(r.case)}: ${n}`));
  }
  const lines = [...bySite.values()].map(({ site, why, n }) => {
    const at = sources?.lineOf(go, site);
    return `${site}${at ? ` (${at})` : ""}: ${why}${n > 1 && /^insert \d+: /.test(why) ? ` (and so on: ${n} in all)` : ""}`;
  });
  return [...lines, ...new Set(notes)];
}

/** The explanation of one claim's outcome on one Go version. */
export function explain(claim: Pick<Claim, "claim">, outcome: CheckOutcome, go: string, { sources }: { sources?: RuntimeSources } = {}): Explanation {
  const seen = new Set<string>();
  const results = outcome.evidence.filter((r) => {
    const k = experimentKey({ case: r.case, debug: r.build.debug });
    return seen.has(k) ? false : (seen.add(k), true);
  }).map((r) => ({ r, sim: simulated(r) }));
  const runtime = (outcome.runtime ?? []).map(({ site, why }) => {
    const at = sources?.lineOf(go, site);
    return `${site}${at ? ` (${at})` : ""}: ${why}`;
  });
  return {
    article: claim.claim,
    measured: [...results.map(({ r, sim }) => measuredLine(r, sim)), ...(outcome.measured ?? [])],
    why: [...whyLines(results, go, sources), ...runtime],
  };
}
