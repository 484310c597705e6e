/**
 * One function per check kind: each reads the evidence of one Go version and says whether the
 * article's statement holds there, with a reason built from the measured numbers.
 */
import { parseCase } from "../case";
import { MeasureResult } from "../measure";
import { Evidence } from "./evidence";
import { checkBreakpointFrequency, checkFragmentation, checkGcLatency, checkPprofInlining } from "./live-checks";
import { countOf, labelOf, pct, sizesOf, takeSize } from "./format";
import { Claim } from "./registry";

export type VersionVerdict = "confirmed" | "refuted" | "inconclusive" | "cannot be tested here" | "no experiment yet" | "no evidence";

export interface CheckOutcome {
  verdict: VersionVerdict;
  reason: string;
  /** The results the verdict rests on. */
  evidence: MeasureResult[];
}

class MissingEvidence extends Error {}

function need(ev: Evidence, text: string, debug = false): MeasureResult {
  const r = ev.get(parseCase(text), debug);
  if (!r) throw new MissingEvidence(`no ${debug ? "-N -l " : ""}result for ${text} on Go ${ev.go}`);
  return r;
}

const outcome = (ok: boolean, reason: string, evidence: MeasureResult[]): CheckOutcome =>
  ({ verdict: ok ? "confirmed" : "refuted", reason, evidence });

type Article = Record<string, unknown>;

function allocations(a: Article, results: MeasureResult[]): CheckOutcome {
  const problems: string[] = [];
  for (const r of results) {
    if (typeof a.mallocs === "number" && r.mallocs !== a.mallocs) problems.push(`${r.mallocs} mallocs, not ${a.mallocs}`);
    if (typeof a.allocatedBytes === "number" && r.allocatedBytes !== a.allocatedBytes) problems.push(`${r.allocatedBytes} B taken, not ${a.allocatedBytes} B`);
    const buckets = r.bySize.map((b) => ({ ...b }));
    for (const size of (a.sizes as number[] | undefined) ?? []) {
      if (!takeSize(buckets, size)) problems.push(`no allocation of ${size} B`);
    }
  }
  const said = results.map((r) => `${labelOf(r)}: ${countOf(r)}, sizes ${sizesOf(r)}`).join("; ");
  return outcome(problems.length === 0, problems.length ? `${said}. Against the article: ${problems.join("; ")}` : said, results);
}

/** The verdict function of each check kind. */
export function runCheck(claim: Claim, ev: Evidence): CheckOutcome {
  const a = claim.article;
  const c = claim.check;
  try {
    switch (c.kind) {
      case "allocations": {
        const decided = allocations(a, (c.cases ?? [c.case!]).map((t) => need(ev, t, c.debug)));
        const variants = (claim.also ?? []).map((v) => allocations(a, [need(ev, v.case, v.debug)]));
        const alsoSaid = variants.map((v) => `. Variant: ${v.reason} (the article's figure ${v.verdict === "confirmed" ? "holds" : "does not hold"} there)`).join("");
        return { ...decided, reason: decided.reason + alsoSaid, evidence: [...decided.evidence, ...variants.flatMap((v) => v.evidence)] };
      }
      case "mallocsByCase": {
        const rs = c.cases.map((t) => need(ev, t));
        const want = a.mallocsByCase as number[];
        const wrong = rs.filter((r, i) => r.mallocs !== want[i]);
        const said = rs.map((r, i) => `${labelOf(r)}: ${countOf(r)} (article: ${want[i]})`).join("; ");
        return outcome(wrong.length === 0, said, rs);
      }
      case "debugSameAsOptimized": {
        const pairs = c.cases.map((t) => [need(ev, t, false), need(ev, t, true)] as const);
        const differ = pairs.filter(([o, d]) => o.mallocs !== d.mallocs || o.allocatedBytes !== d.allocatedBytes);
        const each = pairs.map(([o, d]) => `${labelOf(o)}: ${countOf(o)} optimized, ${countOf(d)} with -N -l`).join("; ");
        const said = differ.length
          ? `${each}. ${differ.length} of ${pairs.length} programs allocate differently in the debug build`
          : `${each}. All ${pairs.length} allocate the same with and without -N -l: escape analysis still runs in debug builds`;
        return outcome(differ.length === 0, said, pairs.flat());
      }
      case "pathTable": {
        const rs = c.cases.map((t) => need(ev, t));
        // The small path (size classes from the mcache, refilled from the mcentral for every class
        // alike: runtime/malloc.go, mallocgc) covers 8192 B and 8200 B the same way; the article's
        // boundary at 8192 B would show as 8200 B leaving the size classes.
        const sizeClassed = (r: MeasureResult) => r.bySize.length === 1 && r.bySize[0].max !== null;
        const at = (r: MeasureResult) => `${countOf(r)}, ${sizeClassed(r) ? "a size class" : "a large object"}`;
        const largeFrom = rs.find((r) => !sizeClassed(r));
        const said = `${rs.map((r) => `${labelOf(r)} → ${at(r)}`).join("; ")}. ` +
          `8193–32768 B are not a path of their own: they take size classes like 8192 B does` +
          (largeFrom ? `; the large-object path starts at ${labelOf(largeFrom)} here` : "") + " (MemStats cannot see locks)";
        return outcome(!(sizeClassed(rs[0]) && sizeClassed(rs[1])), said, rs);
      }
      case "ninthInsert": {
        const [m, eight, nine] = [need(ev, c.make), need(ev, c.eight), need(ev, c.nine)];
        const extra = nine.mallocs - eight.mallocs;
        const said = `make: ${countOf(m)}, sizes ${sizesOf(m)}; 8 inserts: ${countOf(eight)}; 9 inserts: ${countOf(nine)}, sizes ${sizesOf(nine)}`;
        return outcome(m.mallocs === a.mallocsAtMake && extra === a.extraMallocsAt9th, said, [m, eight, nine]);
      }
      case "mapEscapes": {
        const rs = c.cases.map((t) => need(ev, t));
        const kept = rs.filter((r) => r.escape.some((e) => e.decision === "stack") && !r.escape.some((e) => e.decision === "heap"));
        const said = rs.map((r) => `${labelOf(r)}: compiler says ${r.escape.map((e) => `${e.expr} ${e.decision === "stack" ? "does not escape" : "escapes"}`).join(", ") || "nothing"}; ${countOf(r)}`).join("; ");
        return outcome(kept.length === 0, said, rs);
      }
      case "loadFactor": {
        const [before, after, empty] = [need(ev, c.before), need(ev, c.after), need(ev, c.emptySlice)];
        const grows = after.mallocs > before.mallocs;
        const said = `13 inserts: ${countOf(before)}; 14 inserts: ${countOf(after)} (${grows ? "the 14th insert grows the map: 13 = 6.5 × 2 buckets" : "no growth at 13 = 6.5 × 2"}); make([]int, 0): ${countOf(empty)}`;
        return outcome(grows && empty.mallocs === 0, said, [before, after, empty]);
      }
      case "perInsert": {
        const [empty, values, pointers] = [need(ev, c.empty), need(ev, c.values), need(ev, c.pointers)];
        const n = values.case.op === "mapinsert" ? values.case.n : 1;
        const v = (values.mallocs - empty.mallocs) / n;
        const p = (pointers.mallocs - empty.mallocs) / n;
        const said = `an empty map: ${countOf(empty)}; ${n} inserts: values ${countOf(values)} = ${v.toFixed(2)} per insert (growth only); fresh pointers ${countOf(pointers)} = ${p.toFixed(2)} per insert`;
        return outcome(v < 0.5 && p >= 1, said, [empty, values, pointers]);
      }
      case "reduction": {
        const [fewer, more] = c.cases.map((t) => need(ev, t));
        const cut = 1 - fewer.mallocs / more.mallocs;
        const perOp = a.allocsPerOp as number[] | undefined;
        const opsOk = !perOp || (Math.abs(fewer.mallocs - perOp[0]) <= 0.5 && Math.abs(more.mallocs - perOp[1]) <= 0.5);
        const cutOk = Math.abs(cut * 100 - (a.reductionPercent as number)) <= 5;
        const said = `${labelOf(fewer)}: ${countOf(fewer)}; ${labelOf(more)}: ${countOf(more)}; ${pct(cut)} fewer (article: ${a.reductionPercent}%${perOp ? `, ${perOp[0]} and ${perOp[1]} allocs/op` : ""})`;
        return outcome(opsOk && cutOk, said, [fewer, more]);
      }
      case "gcLatency":
        return checkGcLatency(a, c, ev);
      case "pprofInlining":
        return checkPprofInlining(a, c, ev);
      case "fragmentation":
        return checkFragmentation(a, c, ev);
      case "breakpointFrequency":
        return checkBreakpointFrequency(a, c, ev);
      case "untestable":
        return { verdict: "cannot be tested here", reason: c.reason, evidence: [] };
      case "pending":
        return { verdict: "no experiment yet", reason: `needs ${c.needs}`, evidence: [] };
    }
  } catch (e) {
    if (e instanceof MissingEvidence) return { verdict: "no evidence", reason: e.message, evidence: [] };
    throw e;
  }
}
