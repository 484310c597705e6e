/**
 * The checks of the claims that only a running Go can test (GC on/off timings, the churn series,
 * the inlining profile, Delve's hit counts). Their evidence comes from a run now, the result
 * cache, or a recording (data/experiments); timings are decided from medians and their 95%
 * intervals over repeated runs, never from one run on a noisy machine.
 */
import { describeCase } from "../case";
import { compareMedians, describeInterval, fragmentationStability, MedianInterval, summarizeGcLatency } from "../experiments";
import type { CheckOutcome } from "./checks";
import { Evidence } from "./evidence";
import { Check } from "./registry";

type Article = Record<string, unknown>;
type CheckOf<K extends Check["kind"]> = Extract<Check, { kind: K }>;

const decided = (ok: boolean, reason: string): CheckOutcome => ({ verdict: ok ? "confirmed" : "refuted", reason, evidence: [] });
const noEvidence = (reason: string): CheckOutcome => ({ verdict: "no evidence", reason, evidence: [] });
const inconclusive = (reason: string): CheckOutcome => ({ verdict: "inconclusive", reason, evidence: [] });

/** Where a measured interval stands against the article's figure: within a factor of 2, or wholly outside. */
function against(x: MedianInterval, want: number): "near" | "below" | "above" {
  return x.hi < want / 2 ? "below" : x.lo > want * 2 ? "above" : "near";
}

/**
 * 2.5a: GC on against GOGC=off, from repeated alternating runs. The article's figures are refuted
 * when the measured intervals lie wholly outside a factor of 2 of them; the drop itself is shown
 * only when the two intervals do not overlap, and is "inconclusive" when they do.
 */
export function checkGcLatency(a: Article, c: CheckOf<"gcLatency">, ev: Evidence): CheckOutcome {
  if (!ev.gc?.length) return noEvidence(`no GC benchmark on Go ${ev.go} (it runs where that Go is installed, or comes from data/experiments)`);
  const sums = summarizeGcLatency(ev.gc);
  const [on, off] = [sums.find((s) => s.gc.startsWith("on")), sums.find((s) => s.gc.startsWith("off"))];
  if (!on || !off) return noEvidence(`the GC benchmarks on Go ${ev.go} lack one of the two settings`);
  const [wantOn, wantOff] = [(a.latencyOnUs as number) * 1000, (a.latencyOffUs as number) * 1000];
  const ns = (x: MedianInterval) => describeInterval(x, "ns");
  const n = on.nsPerMalloc.n;
  const level = `${Math.round(on.nsPerMalloc.level * 100)}%`;
  const byCase = on.byCase.map((b, i) => `${describeCase(b.case)}: ${ns(b.nsPerOp)} on, ${ns(off.byCase[i].nsPerOp)} off per op`).join("; ");
  const said = `go test -bench, ${n} runs of each setting, alternating, ${c.cases.length} cases; ns per malloc (mean over the cases, per run), median [${level} interval]: ` +
    `GC on ${ns(on.nsPerMalloc)}, GOGC=off ${ns(off.nsPerMalloc)} (article: ${a.latencyOnUs} µs and ${a.latencyOffUs} µs). ${byCase}. ` +
    `Timing on a shared machine is noisy: the intervals carry that. Heap address reuse is not measured`;
  const figures = [against(on.nsPerMalloc, wantOn), against(off.nsPerMalloc, wantOff)];
  const drop = compareMedians(off.nsPerMalloc, on.nsPerMalloc);
  if (figures.some((f) => f !== "near")) {
    const ratio = Math.round(wantOn / on.nsPerMalloc.median);
    return decided(false, `${said}. The article's latencies are ${ratio}× the measured medians, outside a factor of 2 of every interval: its figures do not hold` +
      (drop === "no difference shown" ? ", and the intervals of the two settings overlap, so no drop is shown either" : drop === "lower" ? " (a drop with GOGC=off is shown)" : " (GOGC=off is slower here)"));
  }
  if (drop === "no difference shown") return inconclusive(`${said}. The intervals of the two settings overlap${on.nsPerMalloc.confidence < on.nsPerMalloc.level ? ` (or too few runs for a ${level} interval)` : ""}: no difference is shown`);
  return decided(drop === "lower", `${said}. ${drop === "lower" ? "GOGC=off is faster, and the figures are within a factor of 2" : "GOGC=off is slower"}`);
}

/** 4.4: pprof names the inlined helper, or loses it. */
export function checkPprofInlining(_a: Article, _c: CheckOf<"pprofInlining">, ev: Evidence): CheckOutcome {
  const p = ev.pprof;
  if (!p) return noEvidence(`no profile on Go ${ev.go} (it runs where that Go is installed, or comes from data/experiments)`);
  if (!p.inlined) return noEvidence(`the compiler did not inline the helper on Go ${ev.go}, so the profile says nothing about inlining`);
  const said = `the compiler inlined newBuffer into handle (-m); pprof -traces gives its allocation the stack ${p.frames.join(" ← ")}`;
  return decided(!p.helperNamed, `${said}: ${p.helperNamed ? "it names the inlined function, so pprof alone does not misattribute it" : "the inlined function is missing"}`);
}

/**
 * 4.3: slices' free pages against maps' unused slots and scan work, over a churn run whose figures
 * must be stable (first and second half within the stated tolerance) and whose comparisons must
 * come out the same in both halves; otherwise "inconclusive".
 */
export function checkFragmentation(_a: Article, _c: CheckOf<"fragmentation">, ev: Evidence): CheckOutcome {
  if (!ev.fragmentation?.length) return noEvidence(`no churn run on Go ${ev.go} (it runs where that Go is installed, or comes from data/experiments)`);
  const st = fragmentationStability(ev.fragmentation);
  const [sl, mp] = [st.find((x) => x.workload === "slices"), st.find((x) => x.workload === "maps")];
  if (!sl || !mp) return noEvidence(`the churn run on Go ${ev.go} lacks the slices or the maps workload`);
  const f = (x: number | null) => (x === null || !Number.isFinite(x) ? "not reported" : x.toFixed(3));
  const judge = (s: typeof sl.whole, m: typeof mp.whole) => ({
    external: s.freePerObjectByte > m.freePerObjectByte,
    internal: m.unusedPerObjectByte > s.unusedPerObjectByte,
    scan: s.scanPerLiveByte === null || m.scanPerLiveByte === null ? null : m.scanPerLiveByte > s.scanPerLiveByte,
  });
  const whole = judge(sl.whole, mp.whole);
  const halves = [judge(sl.firstHalf, mp.firstHalf), judge(sl.secondHalf, mp.secondHalf)];
  const worst = Math.max(...[sl, mp].flatMap((x) => Object.values(x.differences).filter((d): d is number => d !== null)));
  const said = `churning ${sl.seconds.toFixed(0)} s per workload (${ev.fragmentation.length} samples): free pages per object byte ${f(sl.whole.freePerObjectByte)} for slices, ${f(mp.whole.freePerObjectByte)} for maps; ` +
    `unused slots per object byte ${f(sl.whole.unusedPerObjectByte)} for slices, ${f(mp.whole.unusedPerObjectByte)} for maps; ` +
    `scannable heap per live byte ${f(sl.whole.scanPerLiveByte)} for slices, ${f(mp.whole.scanPerLiveByte)} for maps${whole.scan === null ? " (this version does not report it, so GC scan work is not judged)" : ""}. ` +
    `First and second half differ by at most ${Math.round(worst * 100)}% (tolerance ${Math.round(sl.tolerance * 100)}%)`;
  const unstable = [sl, mp].filter((x) => !x.stable).map((x) => x.workload);
  if (unstable.length) return inconclusive(`${said}: the ${unstable.join(" and ")} figures are not stable over the run`);
  const same = halves.every((h) => h.external === whole.external && h.internal === whole.internal && h.scan === whole.scan);
  if (!same) return inconclusive(`${said}: the comparisons between slices and maps come out differently in the two halves`);
  return decided(whole.external && whole.internal && whole.scan !== false, `${said}; both halves compare alike`);
}

/** 2.4a: which family fires most with the GC off, and whether growWork exists at all. */
export function checkBreakpointFrequency(_a: Article, _c: CheckOf<"breakpointFrequency">, ev: Evidence): CheckOutcome {
  const x = ev.breakpoints;
  if (!x) return noEvidence(`no Delve session on Go ${ev.go} (it runs where that Go and a fitting dlv are installed, or comes from data/experiments)`);
  const hits = (family: string) => x.functions.filter((f) => f.family === family && f.present).reduce((a, f) => a + f.wholeRun, 0);
  const growWork = x.functions.filter((f) => f.name.startsWith("runtime.growWork") && f.present);
  const growHits = growWork.reduce((a, f) => a + f.wholeRun, 0);
  const counts = `with the GC off, over the whole run: sysAlloc family ${hits("sysAlloc")}, allocLarge family ${hits("allocLarge")}, growWork family ${hits("growWork")}`;
  if (growWork.length === 0) return decided(false, `${counts}; this runtime has no growWork at all (Swiss maps grow a table at once: ${x.functions.filter((f) => f.family === "growWork" && f.present).map((f) => `${f.name} ${f.wholeRun}`).join(", ")})`);
  if (growHits > 0) return decided(false, `${counts}; runtime.growWork* fired ${growHits} times with the GC off, so it is not caused by GC marking: it is the classic map's incremental evacuation, called from mapassign`);
  return noEvidence(`${counts}; growWork did not fire with the GC off, and the lab does not trace with the GC on`);
}
