// %% [markdown]
// # Chapter 4 — Choosing in performance-sensitive code
//
// | claim | the article says |
// |---|---|
// | 4.1a | `make(map[int]int, 1024)` + 1000 inserts ≈ 1.2 allocs/op; `map[int]int{}` + 1000 inserts ≈ 8.7 allocs/op (86% fewer) |
// | 4.1b | `make([]int, 0, 1000)` cuts allocs/op by 99% against `[]int{}` |
// | 4.2 | small-collection thresholds of Kotlin's `mapOf`/`listOf` (not Go) |
// | 4.3 | slices fragment externally, maps internally, in long-running services |
// | 4.4 | pprof plus a Delve stack finds hot spots pprof alone misattributes |
//
// The article measured with `go test -bench -benchmem`; so does this notebook, beside the lab's
// own per-call counts, on every installed Go version.

// %% tags=["parameters"]
const n = 1000; // elements inserted or appended
const hint = 1024; // the map's preallocation hint
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21;
const benchtime = "200ms"; // go test -benchtime

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims({ parameters: { n: n, hint: hint } }).filter((c) => c.chapter === 4);
const prealloc = [
  { op: "mapinsert", key: "int", elem: "int", n: n, hint: hint },
  { op: "mapinsert", key: "int", elem: "int", n: n },
  { op: "append", elem: "int", n: n, start: "make", len: 0, cap: n },
  { op: "append", elem: "int", n: n, start: "nil" },
].map((c) => lab.parseCase(c));
const tiny = [1, 2, 8, 9, 15, 16, 17, 24, 32, 33].map((k) => lab.parseCase(`make([]byte, ${k})`));
const smallMaps = [0, 8, 9].map((h) => lab.parseCase(`make(map[int]int, ${h})`));
const stackLimits = [65536, 65537].map((k) => lab.parseCase(`make([]byte, ${k})`, { escape: "stack" }));
const variableSize = [8, 32, 33, 64].map((k) => lab.parseCase({ op: "makeslice", elem: "byte", len: k, constSize: false, escape: "stack" }));
const thresholds = [...tiny, ...smallMaps, ...stackLimits, ...variableSize];
const progress = lab.progress("Chapter 4");
const across = await lab.measureAcross([...prealloc, ...thresholds].map((c) => ({ case: c, debug: false })).concat(lab.claimExperiments(claims)),
  { versions: versions, live: live, runs: runs, onProgress: (m) => progress.update(m) });
const benchmarks: lab.BenchmarkResult[] = [];
for (const v of across.filter((x) => x.source === "measured now")) {
  progress.update(`go test -bench on Go ${v.go}`);
  benchmarks.push(...(await lab.benchmark(prealloc, { go: v.spec, benchtime: benchtime })));
}
progress.done(across.map((v) => `Go ${v.go}: ${v.source}`).join("; "));
const source = across.map((v) => `Go ${v.go}: ${v.source}`).join("; ");
const pick = (cases: lab.Case[]) => lab.withSimulated(across).flatMap((v) => [...v.results, ...v.simulated].filter((r) => cases.some((c) => JSON.stringify(c) === JSON.stringify(r.case)) && !r.build.debug));

// %% [markdown]
// ## Preallocation: `go test -bench -benchmem` and the lab's counts

// %%
lab.showTable(lab.aq.from(benchmarks.map((b) => ({
  case: lab.describeCase(b.case), go: b.go, "allocs/op": b.allocsPerOp, "B/op": b.bytesPerOp, "ns/op": b.nsPerOp, "b.N": b.iterations,
}))), { caption: `go test -bench -benchmem -benchtime=${benchtime}, run just now on each installed Go` });
lab.showTable(lab.resultsTable(pick(prealloc)), { caption: `The lab's counts for one call (${source})` });
await lab.showChart(lab.groupedBars(pick(prealloc).map((r) => ({ case: lab.describeCase(r.case), mallocs: r.mallocs, go: `Go ${r.go}` })),
  { x: "case", y: "mallocs", color: "go", title: "Allocations per operation, with and without preallocation", source: source }));

// %% [markdown]
// ## Go's own small-size thresholds (in place of the article's Kotlin ones)
//
// The tiny allocator (pointer-free objects under 16 B share 16-byte blocks), small maps (a hint of
// at most 8 needs no bucket array up front), the 64 KiB limit for constant-size `make` on the
// stack, and small variable-size `make` (a stack buffer on newer Go).

// %%
lab.showTable(lab.aq.from(pick(thresholds).map((r) => ({
  case: lab.describeCase(r.case), go: r.go, mallocs: r.mallocs, allocated: r.allocatedBytes,
  "tiny allocs": r.metrics["/gc/heap/tiny/allocs:objects"],
  compiler: r.escape.map((e) => e.decision === "stack" ? "does not escape" : "escapes").join("; "),
}))), { caption: `Thresholds, measured (${source})` });

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator models each Go version's allocator and compiler from their source. Here it
// predicts every run above; where the runtime is random it gives a range.

// %%
const beside = lab.simulateBeside(across);
lab.showTable(lab.aq.from(beside.map((r) => ({ case: r.case, build: r.build, go: r.go, measured: r.measured, simulated: r.simulatedRange || r.simulated, agree: r.agree === null ? "—" : r.agree ? "yes" : "NO", differences: r.differences }))),
  { caption: `Simulated beside measured: ${beside.filter((r) => r.agree).length} of ${beside.filter((r) => r.agree !== null).length} agree` });

// %% [markdown]
// ## pprof and inlining (and the experiments that only run live)
//
// The article says pprof alone misattributes allocations made in inlined functions. A small
// program allocates through `newBuffer`, which the compiler inlines into `handle`; it runs with
// `runtime.MemProfileRate = 1` and its heap profile is read with `go tool pprof -traces`.

// %%
const profProgress = lab.progress("pprof");
const evidence = await lab.withLiveExperiments(claims, across, (m) => profProgress.update(m));
profProgress.done();
for (const e of evidence.filter((x) => x.pprof)) {
  const p = e.pprof!;
  lab.showMarkdown(`Go ${p.go}: the compiler ${p.inlined ? "inlined" : "did not inline"} \`newBuffer\`. pprof's trace of its allocation, just now:\n\n\`\`\`\n${p.trace}\n\`\`\``);
}

// %% [markdown]
// Beside pprof's sampled stacks, Delve's exact ones: every allocation of the preallocated map of
// the first section, stopped at its runtime entry point, with the stack up to the probe function.

// %%
const stacked = across.find((x) => x.source === "measured now");
if (stacked) {
  const t = (await lab.trace(prealloc[0], { go: stacked.spec, stack: 6 })) as lab.TraceResult;
  lab.showTable(lab.aq.from((t.allocations ?? []).map((a) => ({ size: a.size, type: a.type, entry: a.entry, stack: (a.stack ?? []).join(" ← ") }))),
    { caption: `${lab.describeCase(t.case)} on Go ${t.go}: Delve's stack at each allocation (traced just now)` });
} else {
  lab.showMarkdown("No Go ran in this notebook (live = false, or no Go installed), so Delve took no stacks.");
}

// %% [markdown]
// ## Long-running fragmentation
//
// A program keeps 64 MiB of slices (1–64 KiB each) or of maps (1–512 int entries each) and
// replaces random members for a few seconds, sampling `runtime/metrics` every 100 ms: bytes in
// objects, bytes reserved for objects but unused (free slots inside spans), and free pages kept
// between spans. The series below were sampled just now, on each installed Go.

// %%
const churn = evidence.flatMap((e) => e.fragmentation ?? []);
const MB = (x: number | null) => (x === null ? null : Math.round((x / 2 ** 20) * 10) / 10);
await lab.showChart(lab.growthLines(churn.flatMap((s) => [
  { seconds: s.seconds, MB: MB(s.values.free), series: `free pages, ${s.workload}, Go ${s.go}` },
  { seconds: s.seconds, MB: MB(s.values.unused), series: `unused slots, ${s.workload}, Go ${s.go}` },
]), { x: "seconds", y: "MB", color: "series", title: "Free pages and unused slots while churning", source: "runtime/metrics, sampled just now" }));
lab.showTable(lab.aq.from(lab.summarizeFragmentation(churn)), { caption: "Means over the run: ratios to the bytes held in objects" });

// %% [markdown]
// ## Verdicts

// %%
lab.showVerdicts(lab.computeVerdicts(claims, evidence));
