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

import { CheckOutcome, fromParts, PartOutcome, single } from "./outcome";

export { CheckOutcome, VersionVerdict, PartOutcome } from "./outcome";

class MissingEvidence extends Error {}

function need(ev: Evidence, text: string, debug = false): MeasureResult {
  const r = ev.get(parseCase(text), debug);
  if (!r) throw new MissingEvidence(`no ${debug ? "-N -l " : ""}result for ${text} on Go ${ev.go}`);
  return r;
}

const outcome = single;

type Article = Record<string, unknown>;

const calls = (n: number) => `${n} mallocgc call${n === 1 ? "" : "s"}`;

/**
 * The parts of an allocation claim, each decided on every result: the count, the bytes taken, the
 * sizes. So "2 calls of which one is 128 B" can be half right ("the count is right but the
 * allocations are different ones").
 */
function allocationParts(a: Article, results: MeasureResult[]): PartOutcome[] {
  const said = results.map((r) => `${labelOf(r)}: ${countOf(r)}, sizes ${sizesOf(r)}`).join("; ");
  const parts: PartOutcome[] = [];
  if (typeof a.mallocs === "number") {
    const wrong = results.filter((r) => r.mallocs !== a.mallocs);
    parts.push({ says: calls(a.mallocs), holds: wrong.length === 0, reason: said });
  }
  const sizes = (a.sizes as number[] | undefined) ?? [];
  if (sizes.length) {
    const missing = results.flatMap((r) => {
      const buckets = r.bySize.map((b) => ({ ...b }));
      return sizes.filter((size) => !takeSize(buckets, size)).map((size) => `${labelOf(r)} has no allocation of ${size} B`);
    });
    parts.push({ says: `${sizes.length === 1 ? "an allocation" : "allocations"} of ${sizes.join(" B, ")} B`, holds: missing.length === 0, reason: missing.length ? missing.join("; ") : `each within a measured size bucket` });
  }
  if (typeof a.allocatedBytes === "number") {
    const wrong = results.filter((r) => r.allocatedBytes !== a.allocatedBytes);
    parts.push({ says: `${a.allocatedBytes} B taken`, holds: wrong.length === 0, reason: results.map((r) => `${labelOf(r)} takes ${r.allocatedBytes} B`).join("; ") });
  }
  // The count part quotes every result; without one, the first part does.
  if (typeof a.mallocs !== "number" && parts.length) parts[0].reason = `${said}; ${parts[0].reason}`;
  return parts;
}

function allocations(a: Article, results: MeasureResult[]): CheckOutcome {
  const parts = allocationParts(a, results);
  if (parts.length === 0) throw new Error("an allocations check needs mallocs, sizes or allocatedBytes in the article");
  return fromParts(parts, results);
}

/** Two builds allocate the same: equal counts and bytes, or, for hash-dependent runs, overlapping ranges. */
function sameAllocations(o: MeasureResult, d: MeasureResult): boolean {
  if (o.distribution && d.distribution) return o.distribution.min <= d.distribution.max && d.distribution.min <= o.distribution.max;
  return o.mallocs === d.mallocs && o.allocatedBytes === d.allocatedBytes;
}

/** The allocations in `more` that `less` does not have, as size buckets. */
function addedBuckets(more: MeasureResult, less: MeasureResult): { min: number; max: number | null; count: number }[] {
  return more.bySize.map((b) => ({ ...b, count: b.count - (less.bySize.find((x) => x.min === b.min)?.count ?? 0) })).filter((b) => b.count > 0);
}

const bucketText = (bs: { min: number; max: number | null; count: number }[]) =>
  bs.length ? sizesOf({ bySize: bs } as MeasureResult) : "none";

/** The verdict function of each check kind. */
export function runCheck(claim: Pick<Claim, "article" | "check" | "also">, ev: Evidence): CheckOutcome {
  const a = claim.article;
  const c = claim.check;
  try {
    switch (c.kind) {
      case "allocations": {
        const decided = allocations(a, (c.cases ?? [c.case!]).map((t) => need(ev, t, c.debug)));
        const variants = (claim.also ?? []).map((v) => allocations(a, [need(ev, v.case, v.debug)]));
        const alsoSaid = variants.map((v) => `Variant: ${v.reason} (the article's figure ${v.verdict === "confirmed" ? "holds" : "does not hold"} there)`).join(". ");
        const out = fromParts(decided.parts ?? [{ says: "", holds: decided.verdict === "confirmed", reason: decided.reason }], decided.evidence, alsoSaid);
        return { ...out, evidence: [...decided.evidence, ...variants.flatMap((v) => v.evidence)] };
      }
      case "parts": {
        const outs = c.parts.map((p) => ({ p, o: runCheck(p, ev) }));
        const missing = outs.find(({ o }) => o.verdict === "no evidence");
        if (missing) return missing.o;
        const parts = outs.map(({ p, o }) => ({ says: p.says, holds: o.verdict === "confirmed", reason: o.reason }));
        return fromParts(parts, outs.flatMap(({ o }) => o.evidence));
      }
      case "mallocsByCase": {
        const rs = c.cases.map((t) => need(ev, t));
        const want = a.mallocsByCase as number[];
        return fromParts(rs.map((r, i) => ({ says: `${labelOf(r)}: ${calls(want[i])}`, holds: r.mallocs === want[i], reason: countOf(r) })), rs);
      }
      case "debugSameAsOptimized": {
        const groups = c.groups.map((g) => ({ g, pairs: g.cases.map((t) => [need(ev, t, false), need(ev, t, true)] as const) }));
        const parts = groups.map(({ g, pairs }) => {
          const differ = pairs.filter(([o, d]) => !sameAllocations(o, d));
          const each = pairs.map(([o, d]) => `${labelOf(o)}: ${countOf(o)} optimized, ${countOf(d)} with -N -l`).join("; ");
          return { says: g.says, holds: differ.length === 0, reason: differ.length ? `${each}; ${differ.length} of ${pairs.length} allocate differently in the debug build` : `${each}; all ${pairs.length} the same` };
        });
        return fromParts(parts, groups.flatMap(({ pairs }) => pairs.flat()));
      }
      case "pathTable": {
        const rs = c.cases.map((t) => need(ev, t));
        // The small path (size classes from the mcache, refilled from the mcentral for every class
        // alike: runtime/malloc.go, mallocgc) covers 8192 B and 8200 B the same way; the article's
        // boundary at 8192 B would show as 8200 B leaving the size classes.
        const sizeClassed = (r: MeasureResult) => r.bySize.length === 1 && r.bySize[0].max !== null;
        const at = (r: MeasureResult) => `${labelOf(r)} → ${countOf(r)}, ${sizeClassed(r) ? "a size class" : "a large object"}`;
        const [small, middle, top, over] = rs;
        return fromParts([
          { says: `0–${a.mcacheUpTo} B: size classes from the mcache`, holds: sizeClassed(small), reason: at(small) },
          { says: `${(a.mcacheUpTo as number) + 1}–${a.mcentralUpTo} B: a path of their own (the mcentral, with a lock)`, holds: !(sizeClassed(small) && sizeClassed(middle)),
            reason: `${at(middle)}: it takes a size class like ${labelOf(small)} does (MemStats cannot see locks; every size class refills from the mcentral)` },
          { says: `over ${a.mcentralUpTo} B: large objects from the mheap`, holds: sizeClassed(top) && !sizeClassed(over), reason: `${at(top)}; ${at(over)}` },
        ], rs);
      }
      case "ninthInsert": {
        const [m, eight, nine] = [need(ev, c.make), need(ev, c.eight), need(ev, c.nine)];
        const extra = nine.mallocs - eight.mallocs;
        const first = addedBuckets(eight, m);
        const added = addedBuckets(nine, eight);
        const oneBucket = extra === a.extraMallocsAt9th && added.length === 1 && first.length === 1 && added[0].min === first[0].min;
        return fromParts([
          { says: `make allocates the header and 1 bucket (B=0): ${calls(a.mallocsAtMake as number)}`, holds: m.mallocs === a.mallocsAtMake, reason: `make: ${countOf(m)}, sizes ${sizesOf(m)}` },
          { says: "the 9th insert allocates one overflow bucket", holds: oneBucket,
            reason: `8 inserts: ${countOf(eight)} (the first bucket: ${bucketText(first)}); 9 inserts: ${countOf(nine)}, adding ${bucketText(added)}` +
              (extra === a.extraMallocsAt9th && !oneBucket ? `: the count is right but the allocation is not one more bucket of the first one's size` : "") },
        ], [m, eight, nine]);
      }
      case "mapEscapes":
      case "slicesStay": {
        const rs = c.cases.map((t) => need(ev, t));
        const stays = (r: MeasureResult) => r.mallocs === 0 && !r.escape.some((e) => e.decision === "heap");
        const said = rs.map((r) => `${labelOf(r)}: compiler says ${r.escape.map((e) => `${e.expr} ${e.decision === "stack" ? "does not escape" : "escapes"}`).join(", ") || "nothing"}; ${countOf(r)}`).join("; ");
        // "Maps almost always escape" fails when a map kept in its function stays off the heap;
        // "a slice never escapes unless its address is taken" fails when one kept there does not.
        return outcome(c.kind === "mapEscapes" ? !rs.some(stays) : rs.every(stays), said, rs);
      }
      case "loadFactor": {
        const [before, after] = [need(ev, c.before), need(ev, c.after)];
        const grows = after.mallocs > before.mallocs;
        const said = `13 inserts: ${countOf(before)}; 14 inserts: ${countOf(after)} (${grows ? "the 14th insert grows the map: 13 = 6.5 × 2 buckets" : "no growth at 13 = 6.5 × 2"})`;
        return outcome(grows, said, [before, after]);
      }
      case "perInsert": {
        const [empty, values, pointers] = [need(ev, c.empty), need(ev, c.values), need(ev, c.pointers)];
        const n = values.case.op === "mapinsert" ? values.case.n : 1;
        const v = (values.mallocs - empty.mallocs) / n;
        const p = (pointers.mallocs - empty.mallocs) / n;
        return fromParts([
          { says: "map[int]int: no allocation per insert", holds: v < 0.5, reason: `an empty map: ${countOf(empty)}; ${n} inserts: ${countOf(values)} = ${v.toFixed(2)} per insert (growth only)` },
          { says: "map[int]*int: at least 1 allocation per insert", holds: p >= 1, reason: `${n} inserts of fresh pointers: ${countOf(pointers)} = ${p.toFixed(2)} per insert` },
        ], [empty, values, pointers]);
      }
      case "reduction": {
        const [fewer, more] = c.cases.map((t) => need(ev, t));
        const cut = 1 - fewer.mallocs / more.mallocs;
        const perOp = a.allocsPerOp as number[] | undefined;
        const near = (r: MeasureResult, want: number) => Math.abs(r.mallocs - want) <= 0.5;
        const parts: PartOutcome[] = perOp
          ? [{ says: `≈ ${perOp[0]} allocs/op for ${labelOf(fewer)}`, holds: near(fewer, perOp[0]), reason: countOf(fewer) },
            { says: `≈ ${perOp[1]} allocs/op for ${labelOf(more)}`, holds: near(more, perOp[1]), reason: countOf(more) }]
          : [];
        parts.push({ says: `${a.reductionPercent}% fewer`, holds: Math.abs(cut * 100 - (a.reductionPercent as number)) <= 5,
          reason: `${labelOf(fewer)}: ${countOf(fewer)}; ${labelOf(more)}: ${countOf(more)}; ${pct(cut)} fewer` });
        return fromParts(parts, [fewer, more]);
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
