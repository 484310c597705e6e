/**
 * The checks of the claims that only a running Go can test (GC on/off timings, the churn series,
 * the inlining profile, Delve's hit counts). Their evidence comes from a run now, the result
 * cache, or a recording (data/experiments); timings are decided from medians and their 95%
 * intervals over repeated runs, never from one run on a noisy machine.
 */
import { describeCase } from "../case";
import { compareMedians, describeInterval, fragmentationStability, MedianInterval, summarizeGcLatency } from "../experiments";
import type { CheckOutcome } from "./checks";
import { RuntimeReason } from "./outcome";
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
function decideGcLatency(a: Article, c: CheckOf<"gcLatency">, ev: Evidence): CheckOutcome {
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
function decidePprofInlining(_a: Article, _c: CheckOf<"pprofInlining">, ev: Evidence): CheckOutcome {
  const p = ev.pprof;
  if (!p) return noEvidence(`no profile on Go ${ev.go} (it runs where that Go is installed, or comes from data/experiments)`);
  if (!p.inlined) return noEvidence(`the compiler did not inline the helper on Go ${ev.go}, so the profile says nothing about inlining`);
  // The weight pprof -traces puts on the helper's stack, as it prints it ("400kB").
  const weight = /^\s*(\S+)\s+main\.newBuffer/m.exec(p.trace)?.[1];
  const said = `the compiler inlined newBuffer into handle (-m); pprof -traces gives its allocation${weight ? ` (${weight} sampled)` : ""} the stack ${p.frames.join(" ← ")}`;
  return decided(!p.helperNamed, `${said}: ${p.helperNamed ? "it names the inlined function, so pprof alone does not misattribute it" : "the inlined function is missing"}`);
}

/**
 * 4.3: slices' free pages against maps' unused slots and scan work, over a churn run whose figures
 * must be stable (first and second half within the stated tolerance) and whose comparisons must
 * come out the same in both halves; otherwise "inconclusive".
 */
function decideFragmentation(_a: Article, _c: CheckOf<"fragmentation">, ev: Evidence): CheckOutcome {
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
function decideBreakpointFrequency(_a: Article, _c: CheckOf<"breakpointFrequency">, ev: Evidence): CheckOutcome {
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

/**
 * The runtime behind each live experiment: which functions do the work the figures measure, so
 * an explanation can name them (with file:line where that Go is installed).
 */
const GC_WORK: RuntimeReason[] = [
  { site: "runtime.mallocgc", why: "every allocation of the benchmark; with the GC on, its cost includes what the collector charges it" },
  { site: "runtime.gcAssistAlloc", why: "while the GC marks, an allocating goroutine pays for its allocation with marking work of its own (never with GOGC=off)" },
  { site: "runtime.deductSweepCredit", why: "before taking a new span, an allocating goroutine sweeps spans left by the last cycle (none are left with GOGC=off)" },
];
const PROFILE_WORK: RuntimeReason[] = [
  { site: "runtime.profilealloc", why: "with runtime.MemProfileRate = 1 every allocation is sampled and recorded with its call stack (runtime.mProf_Malloc)" },
  { site: "runtime.mProf_Malloc", why: "records the allocating stack as return addresses; pprof expands inlined calls from the binary's inline tables, so an inlined helper keeps its name with \"(inline)\"" },
];
const CHURN_WORK: RuntimeReason[] = [
  { site: "runtime.(*mheap).alloc", why: "objects over 32 KiB (most of the churned slices) take whole pages; pages freed between live spans are the \"free pages\" figure (/memory/classes/heap/free:bytes)" },
  { site: "runtime.(*mcentral).cacheSpan", why: "small objects (map headers, buckets, groups) fill the slots of size-class spans; free slots of spans in use are the \"unused\" figure (/memory/classes/heap/unused:bytes)" },
];
const BREAKPOINT_WORK: RuntimeReason[] = [
  { site: "runtime.growWork", why: "the classic (Go ≤ 1.23) map's incremental growth: mapassign and mapdelete move old buckets while the map grows; the collector never calls it" },
  { site: "runtime.(*mcache).allocLarge", why: "every allocation over 32 KiB: one span of whole pages from the heap" },
  { site: "runtime.sysAlloc", why: "asks the operating system for more address space: only when the heap must grow beyond what it reserved" },
];

/** An outcome with its measured line and the runtime functions behind it (none without evidence). */
function withRuntime(o: CheckOutcome, runtime: RuntimeReason[]): CheckOutcome {
  return o.verdict === "no evidence" ? o : { ...o, measured: [o.reason.split(/\. (?=[A-Z])/)[0]], runtime };
}

/** 2.5a, explained: see decideGcLatency. */
export const checkGcLatency = (a: Article, c: CheckOf<"gcLatency">, ev: Evidence) => withRuntime(decideGcLatency(a, c, ev), GC_WORK);
/** 4.4, explained: see decidePprofInlining. */
export const checkPprofInlining = (a: Article, c: CheckOf<"pprofInlining">, ev: Evidence) => withRuntime(decidePprofInlining(a, c, ev), PROFILE_WORK);
/** 4.3, explained: see decideFragmentation. */
export const checkFragmentation = (a: Article, c: CheckOf<"fragmentation">, ev: Evidence) => withRuntime(decideFragmentation(a, c, ev), CHURN_WORK);
const SWISS_GROWTH: RuntimeReason = {
  site: "internal/runtime/maps.(*table).rehash",
  why: "Swiss maps (Go 1.24 on) grow a full table at once, or split it, inside the insert that fills it: this runtime has no growWork",
};

/** 2.4a, explained: see decideBreakpointFrequency. Where growWork does not exist, the Swiss map's growth stands in its place. */
export function checkBreakpointFrequency(a: Article, c: CheckOf<"breakpointFrequency">, ev: Evidence): CheckOutcome {
  const classic = ev.breakpoints?.functions.some((f) => f.name.startsWith("runtime.growWork") && f.present) ?? true;
  return withRuntime(decideBreakpointFrequency(a, c, ev), classic ? BREAKPOINT_WORK : [SWISS_GROWTH, ...BREAKPOINT_WORK.slice(1)]);
}
