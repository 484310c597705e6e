/**
 * The decision guide, worded from the measured curves: where a map look-up overtakes a scan (the
 * crossover n, decided on the medians' intervals, never on one run), how much more a map costs to
 * iterate and to hold than a slice, and what not knowing the size costs each. No number or
 * conclusion is typed here: each sentence is computed from the points it describes.
 */
import { compareMedians } from "../experiments";
import { formatBytes, roundNumber } from "../table";
import { CostPoint, TimingPoint } from "./rows";

/** "12.3 ns", "45.6 µs", "1.2 ms". */
export function duration(ns: number): string {
  if (ns < 1_000) return `${roundNumber(ns)} ns`;
  if (ns < 1_000_000) return `${roundNumber(ns / 1_000)} µs`;
  return `${roundNumber(ns / 1_000_000)} ms`;
}

const count = (n: number) => roundNumber(n);
const nList = (ns: readonly number[]) => `n = ${ns.map(count).join(", ")}`;
/** "2.2×", "34×", "6,918×": a tenth below 10, whole numbers above. */
const ratio = (r: number) => `${r >= 10 ? Math.round(r).toLocaleString("en-US") : r.toFixed(1)}×`;
const span = (rs: readonly number[]) => {
  const lo = Math.min(...rs);
  const hi = Math.max(...rs);
  return ratio(lo) === ratio(hi) ? ratio(lo) : `${ratio(lo).slice(0, -1)}–${ratio(hi)}`;
};

/** What the look-up timings of one version show, decided on the intervals. */
export interface LookupFinding {
  go: string;
  /** Sizes where the scan's interval lies below the map's. */
  scanFaster: number[];
  /** Sizes where the intervals overlap. */
  noDifference: number[];
  /** The smallest n from which the map was faster at every larger size measured, if any. */
  mapFasterFrom?: number;
  largest: { n: number; map: number; scan: number };
}

function pointsOf<T extends { go: string; n: number }>(points: readonly T[], go: string): T[] {
  return points.filter((p) => p.go === go).sort((a, b) => a.n - b.n);
}

/** Per size (ascending), the map's point beside the slice's, where both were measured. */
function besideBySize<T extends { n: number; structure: string }>(points: readonly T[]): { n: number; m: T; s: T }[] {
  return [...new Set(points.map((p) => p.n))].sort((a, b) => a - b).flatMap((n) => {
    const m = points.find((p) => p.n === n && p.structure === "map");
    const s = points.find((p) => p.n === n && p.structure === "slice");
    return m && s ? [{ n, m, s }] : [];
  });
}

/** Bytes held with the size known: the map's over the slice's, per size. */
const heldRatios = (costs: readonly CostPoint[], go: string) =>
  besideBySize(pointsOf(costs, go).filter((p) => p.sizing === "size known")).flatMap(({ m, s }) => (s.allocated > 0 ? [m.allocated / s.allocated] : []));
/** Time per element visited: the map's point beside the slice's, per size. */
const visitPairs = (timings: readonly TimingPoint[], go: string) => besideBySize(pointsOf(timings, go).filter((p) => p.task === "iterate"));

/** Per size, the map's look-up against the scan; the crossover is where the map stays faster. */
export function lookupFinding(points: readonly TimingPoint[], go: string): LookupFinding | undefined {
  const compared = besideBySize(pointsOf(points, go).filter((p) => p.task === "look-up"))
    .map(({ n, m, s }) => ({ n, map: m, scan: s, map_vs_scan: compareMedians(m.interval, s.interval) }));
  if (compared.length === 0) return undefined;
  let from: number | undefined;
  for (let i = compared.length - 1; i >= 0 && compared[i].map_vs_scan === "lower"; i--) from = compared[i].n;
  const last = compared[compared.length - 1];
  return {
    go,
    scanFaster: compared.filter((c) => c.map_vs_scan === "higher").map((c) => c.n),
    noDifference: compared.filter((c) => c.map_vs_scan === "no difference shown").map((c) => c.n),
    mapFasterFrom: from,
    largest: { n: last.n, map: last.map.ns, scan: last.scan.ns },
  };
}

/** "On Go 1.26.8, scanning …; no difference was shown at …; from n = 256 on, the map look-up was faster …" */
export function lookupSentence(f: LookupFinding): string {
  const parts = [
    f.scanFaster.length ? `scanning a slice for the key was faster than a map look-up at ${nList(f.scanFaster)}` : "",
    f.noDifference.length ? `no difference was shown at ${nList(f.noDifference)}` : "",
    f.mapFasterFrom !== undefined
      ? `from n = ${count(f.mapFasterFrom)} on, the map look-up was faster at every size measured, and ${ratio(f.largest.scan / f.largest.map)} faster at n = ${count(f.largest.n)} (${duration(f.largest.map)} against ${duration(f.largest.scan)} per look-up)`
      : `the map look-up was not faster at every size up to n = ${count(f.largest.n)}`,
  ].filter(Boolean);
  return `On ${f.go}, ${parts.join("; ")}.`;
}

/** Visiting every element: the map's time per element against the slice's, over the sizes. */
export function iterateSentence(points: readonly TimingPoint[], go: string): string | undefined {
  const pairs = visitPairs(points, go);
  if (pairs.length === 0) return undefined;
  const apart = pairs.filter(({ m, s }) => compareMedians(m.interval, s.interval) === "higher").length;
  const sizes = `n = ${count(pairs[0].m.n)} to ${count(pairs[pairs.length - 1].m.n)}`;
  return `On ${go}, a pass over every element took ${span(pairs.map(({ m, s }) => m.ns / s.ns))} as long per element in the map as in the slice (medians, ${sizes}); the map was slower, intervals apart, at ${apart} of ${pairs.length} sizes.`;
}

function costAt(points: readonly CostPoint[], n: number, structure: string, sizing: string): CostPoint | undefined {
  return points.find((p) => p.n === n && p.structure === structure && p.sizing === sizing);
}

/** Holding n pairs with the size known: a map's bytes and mallocs against a slice's. */
export function memorySentence(points: readonly CostPoint[], go: string): string | undefined {
  const mine = pointsOf(points, go);
  const sizes = [...new Set(mine.map((p) => p.n))];
  const ratios = heldRatios(points, go);
  const n = sizes[sizes.length - 1];
  const m = costAt(mine, n, "map", "size known");
  const s = costAt(mine, n, "slice", "size known");
  if (!ratios.length || !m || !s) return undefined;
  return `On ${go}, with the size known, a map of n pairs took ${span(ratios)} the bytes of a slice of them (n = ${count(sizes[0])} to ${count(n)}); at n = ${count(n)}, ${formatBytes(m.allocated)} in ${count(m.mallocs)} mallocs against ${formatBytes(s.allocated)} in ${count(s.mallocs)}.`;
}

/** Not knowing the size: what growing costs each, against making it the right size at once. */
export function growthSentence(points: readonly CostPoint[], go: string): string | undefined {
  const mine = pointsOf(points, go);
  const sizes = [...new Set(mine.map((p) => p.n))];
  const n = sizes[sizes.length - 1];
  const grown = (structure: string) => [costAt(mine, n, structure, "size unknown"), costAt(mine, n, structure, "size known")] as const;
  const [gm, km] = grown("map");
  const [gs, ks] = grown("slice");
  if (!gm || !km || !gs || !ks) return undefined;
  const each = (g: CostPoint, k: CostPoint, what: string) =>
    `the ${what} ${count(g.mallocs)} mallocs instead of ${count(k.mallocs)} and ${ratio(g.allocated / k.allocated)} the bytes`;
  // Where the grown slice starts to allocate more than the grown map (every array it outgrew counts).
  let from: number | undefined;
  for (let i = sizes.length - 1; i >= 0; i--) {
    const a = costAt(mine, sizes[i], "slice", "size unknown");
    const b = costAt(mine, sizes[i], "map", "size unknown");
    if (!a || !b || a.allocated < b.allocated) break;
    from = sizes[i];
  }
  const cross = from !== undefined
    ? ` Grown by append, the slice allocated more bytes in all than the grown map from n = ${count(from)} on: every array it outgrew counts.`
    : " Grown by append, the slice allocated fewer bytes in all than the grown map at the largest sizes.";
  return `On ${go}, not knowing the size cost, at n = ${count(n)}, ${each(gm, km, "map")}, ${each(gs, ks, "slice")}.${cross}`;
}

/** The decision in one sentence per version: when the map pays for itself, and when the slice does. */
export function inShortSentence(costs: readonly CostPoint[], timings: readonly TimingPoint[], go: string): string | undefined {
  const f = lookupFinding(timings, go);
  const ratios = [...heldRatios(costs, go), ...visitPairs(timings, go).map(({ m, s }) => m.ns / s.ns)];
  if (!f || ratios.length === 0) return undefined;
  const from = f.mapFasterFrom;
  const below = [...f.scanFaster, ...f.noDifference].filter((n) => from !== undefined && n < from);
  // "As fast or faster" only if the map won nowhere below the crossover.
  const scanHeld = from !== undefined && below.length === timings.filter((p) => p.go === go && p.task === "look-up" && p.structure === "map" && p.n < from).length;
  const lookup = from !== undefined
    ? `to find values by key, a map from about n = ${count(from)} on (below that, ${scanHeld ? "a scan of a slice was as fast or faster" : "the two took turns"})`
    : `to find values by key, a map did not beat a scan at every size measured`;
  const rest = ratios.every((r) => r > 1)
    ? "otherwise a slice, made with its size when you know it: it was cheaper to hold and to go through at every size measured"
    : "otherwise it depends on n: a map was not costlier than a slice at every size measured";
  return `On ${go}: ${lookup}; ${rest}.`;
}

/** The guide: a question, then one computed sentence per Go version. */
export function decisionGuide(costs: readonly CostPoint[], timings: readonly TimingPoint[]): string {
  const versions = [...new Set([...costs, ...timings].map((p) => p.go))];
  const section = (question: string, sentences: (string | undefined)[]) => {
    const said = sentences.filter((s): s is string => s !== undefined);
    return said.length ? [`**${question}**`, "", ...said.map((s) => `- ${s}`), ""] : [];
  };
  return [
    ...section("Do you find values by key?", versions.map((go) => {
      const f = lookupFinding(timings, go);
      return f && lookupSentence(f);
    })),
    ...section("Do you only go through all of them?", versions.map((go) => iterateSentence(timings, go))),
    ...section("What does holding them cost?", versions.map((go) => memorySentence(costs, go))),
    ...section("Do you know how many up front?", versions.map((go) => growthSentence(costs, go))),
    ...section("In short", versions.map((go) => inShortSentence(costs, timings, go))),
  ].join("\n").trim();
}
