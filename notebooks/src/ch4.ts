// %% [markdown]
// # Chapter 4 — Choosing in performance-sensitive code
//
// The article's fourth chapter gives advice: preallocate, mind small-collection thresholds, watch
// fragmentation in long-running services, and find hot spots with pprof and Delve. It measured
// with `go test -bench -benchmem`; so does this chapter, beside the lab's own per-call counts, on
// every installed Go version. Each claim is a lesson: the claim, the Go program measured, the
// result on every Go version, the verdict and why, then what to remember. Change the parameters
// and run all cells again.

// %% tags=["parameters"]
const n = 1000; // elements inserted or appended
const hint = 1024; // the map's preallocation hint
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21;
const benchtime = "200ms"; // go test -benchtime
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims({ parameters: { n: n, hint: hint } }).filter((c) => c.chapter === 4);
const [mapHinted, mapGrown, sliceHinted, sliceGrown] = [
  { op: "mapinsert", key: "int", elem: "int", n: n, hint: hint },
  { op: "mapinsert", key: "int", elem: "int", n: n },
  { op: "append", elem: "int", n: n, start: "make", len: 0, cap: n },
  { op: "append", elem: "int", n: n, start: "nil" },
].map((c) => lab.parseCase(c));
const prealloc = [mapHinted, mapGrown, sliceHinted, sliceGrown];
const tiny = [1, 2, 8, 9, 15, 16, 17, 24, 32, 33].map((k) => lab.parseCase(`make([]byte, ${k})`));
const smallMaps = [0, 8, 9].map((h) => lab.parseCase(`make(map[int]int, ${h})`));
const stackLimits = [65536, 65537].map((k) => lab.parseCase(`make([]byte, ${k})`, { escape: "stack" }));
const variableSize = [8, 32, 33, 64].map((k) => lab.parseCase({ op: "makeslice", elem: "byte", len: k, constSize: false, escape: "stack" }));
// One call, many tiny values: n inserts of a fresh *int8 allocate n one-byte values that share blocks.
const tinyShared = [1, 2, 8, 16, 17].map((k) => lab.parseCase({ op: "mapinsert", key: "int", elem: "*int8", n: k, freshElem: true }));
const store = await lab.observeWithProgress("Chapter 4", [...lab.optimized([...prealloc, ...tiny, ...smallMaps, ...stackLimits, ...variableSize, ...tinyShared]), ...lab.claimExperiments(claims)],
  { versions: versions, live: live, runs: runs, cache: cache });
const benchmarks = await store.onLiveVersions("benchmark", { cases: prealloc, benchtime: benchtime }, (v) => lab.benchmark(prealloc, { go: v.spec, benchtime: benchtime }));
const evidence = await lab.withLiveExperiments(claims, store);
const verdicts = lab.computeVerdicts(claims, evidence, { sources: await lab.runtimeSources(versions) });
const results = (wanted: lab.Case[], what: string, cell?: lab.CellText) =>
  lab.showByVersion(store.select(wanted), { caption: `${what} (${store.caption(store.select(wanted))})`, cell: cell });
const benchmarked = (wanted: lab.Case[]) => {
  const ran = benchmarks.flatMap((o) => (o.result ?? []).filter((b) => wanted.some((c) => lab.sameCase(c, b.case))));
  if (ran.length === 0) return lab.showMarkdown("No Go ran in this notebook (`live = false`, or no Go installed), so `go test -bench` did not run; the counts below are the recorded ones.");
  lab.showTable(lab.benchmarkColumns(ran), { caption: `go test -bench -benchmem -benchtime=${benchtime} (${benchmarks.map((o) => `Go ${o.go}: ${lab.describeSource(o.source, "run")}`).join("; ")})` });
};

// %% [markdown]
// ## 4.1a Preallocating a map
//
// > The article: `make(map[int]int, 1024)` + 1000 inserts ≈ 1.2 allocs/op, `map[int]int{}` + 1000
// > inserts ≈ 8.7 allocs/op: 86% fewer.

// %%
lab.showProgram([mapHinted, mapGrown], { benchtime: benchtime });

// %% [markdown]
// The benchmark's figures where Go runs, then the lab's count of one call:

// %%
benchmarked([mapHinted, mapGrown]);
results([mapHinted, mapGrown], "One call: mallocs and bytes taken");
lab.showVerdict(verdicts, "4.1a");

// %% [markdown]
// **Takeaway.** A hint lets `make` size the map once for the entries to come; without one the map
// starts small and grows step by step, each step a larger bucket array (Go 1.19) or larger tables
// (Swiss maps), the old one left to the garbage collector. What a hint saves is those steps, so
// the saving depends on how the version grows, not on a fixed percentage. On Go 1.19 a hinted map
// can still add overflow buckets, one at a time, where keys happen to hash into a full bucket.
//
// **Exercise.** Set `hint = 500` (less than `n`) and run all cells again. How many growth steps
// are left, and how many bytes did the short hint waste?

// %% [markdown]
// ## 4.1b Preallocating a slice
//
// > The article: `make([]int, 0, 1000)` cuts allocs/op by 99% against `[]int{}` when appending
// > 1000 elements.

// %%
lab.showProgram([sliceHinted, sliceGrown], { benchtime: benchtime });

// %%
benchmarked([sliceHinted, sliceGrown]);
results([sliceHinted, sliceGrown], "One call: mallocs and bytes taken");
const preallocated = store.select(prealloc);
await lab.showChart(lab.groupedBars(preallocated.map(({ result: r }) => ({ case: lab.describeCase(r.case), mallocs: r.mallocs, go: `Go ${r.go}` })),
  { x: "case", y: "mallocs", color: "go", title: "Allocations per operation, with and without preallocation", source: store.caption(preallocated) }));
lab.showVerdict(verdicts, "4.1b");

// %% [markdown]
// **Takeaway.** A slice made with the capacity it needs is one allocation, however many appends
// follow. Without it, `append` reallocates each time the capacity runs out, and the capacity grows
// geometrically, so the count grows with the logarithm of n: a reduction in percent depends on n.
//
// **Exercise.** Set `n = 100000` (and `hint` to match) and run all cells again: how does the count
// without preallocation change, and the one with it?

// %% [markdown]
// ## 4.2 Small-size thresholds: Go's own, in place of Kotlin's
//
// > The article: the small-collection thresholds of Kotlin's `mapOf`/`listOf` and compiler flags.
//
// That is not Go. Go has thresholds of its own, in the runtime and the compiler: the tiny
// allocator (pointer-free objects under 16 B share 16-byte blocks), small maps (a hint of at most
// 8 needs no bucket array up front), the 64 KiB limit for a constant-size `make` on the stack, and
// a small stack buffer for a `make` of variable size on newer Go.

// %%
lab.showProgram([...smallMaps, ...stackLimits, ...variableSize], { intro: "The Go program measured (the tiny sizes are make([]byte, k), as in chapter 2)" });

// %%
results([...tiny, ...smallMaps], "Tiny sizes and small maps: bytes taken and the path of each allocation, as the simulator accounts for the same run", lab.pathCell);
const onStack = store.select([...stackLimits, ...variableSize], { simulated: false });
lab.showByVersion(onStack, { cell: lab.escapeCell, caption: `Stack limits: the compiler's decision and the mallocs (${store.caption(onStack)})` });
lab.showVerdict(verdicts, "4.2");

// %% [markdown]
// One small allocation per call never shows the tiny allocator sharing anything: each call starts
// with an empty block. Here one call inserts n keys into a `map[int]*int8`, each with a freshly
// allocated `int8`: n one-byte, pointer-free values. The first opens a 16-byte block; the next
// ones fit in it. `runtime/metrics` counts those as `/gc/heap/tiny/allocs:objects`.

// %%
lab.showProgram(tinyShared.slice(3, 4));
results(tinyShared, "n fresh int8 values in one call: mallocs, and how many fit in an existing tiny block",
  (o) => `${lab.mallocsText(o.result)}, ${o.result.metrics["/gc/heap/tiny/allocs:objects"] ?? "—"} in a shared block`);
const sixteen = tinyShared[3];
lab.showTable(lab.allocationsTable(lab.simulate(sixteen, { go: versions[versions.length - 1] })),
  { caption: `${lab.describeCase(sixteen)} on Go ${versions[versions.length - 1]}: every allocation as the simulator accounts for it` });

// %% [markdown]
// **Takeaway.** Go's small-size rules live in the runtime and the compiler, not in the collection
// types: requests under 16 B without pointers are packed into shared 16-byte blocks; a map with a
// hint of at most 8 starts without a bucket array or table; a constant-size `make` of at most 64 KiB
// that does not escape lives in the frame; and since Go 1.25 a non-escaping `make` of variable
// size gets a 32-byte buffer in the frame when it fits.
//
// **Exercise.** Why does `make([]byte, 65537)` in the table above escape while `make([]byte,
// 65536)` does not, although neither leaves the function? Find the limit in the compiler
// (`cmd/compile/internal/ir/cfg.go`).

// %% [markdown]
// ## 4.3 Fragmentation in a long-running program
//
// > The article: in a long-running service slices cause external fragmentation, maps internal
// > fragmentation and more GC scan work.
//
// A program keeps 64 MiB of slices (1–64 KiB each) or of maps (1–512 int entries each) and
// replaces random members for 20 seconds each, sampling `runtime/metrics` every 100 ms: bytes in
// objects, bytes reserved for objects but unused (free slots inside spans), and free pages kept
// between spans. The verdict reads the series only if their figures agree over the first and the
// second half of the run.

// %%
lab.showGoSource(lab.fragmentationProgram(), {
  intro: "The Go program run, one process per workload, both at once",
  comments: ["Built, then run with the workload, seconds, sampling period (ms) and bytes to keep:", ...lab.fragmentationCommands().map((c) => `  ${c}`)],
});

// %%
const churn = evidence.flatMap((e) => e.fragmentation ?? []);
const MB = (x: number | null) => (x === null ? null : Math.round((x / 2 ** 20) * 10) / 10);
await lab.showChart(lab.growthLines(churn.flatMap((s) => [
  { seconds: s.seconds, MB: MB(s.values.free), series: `free pages, ${s.workload}`, go: `Go ${s.go}` },
  { seconds: s.seconds, MB: MB(s.values.unused), series: `unused slots, ${s.workload}`, go: `Go ${s.go}` },
]), { x: "seconds", y: "MB", color: "series", panel: "go", yTitle: "memory (MB)", title: "Free pages and unused slots while churning", source: `runtime/metrics (${evidence.filter((e) => e.fragmentation).map((e) => `Go ${e.go}: ${e.source}`).join("; ")})` }));
lab.showTable(lab.aq.from(evidence.filter((e) => e.fragmentation).flatMap((e) => lab.fragmentationStability(e.fragmentation!).map((x) => ({
  go: e.go, workload: x.workload, seconds: x.seconds, "free pages per object byte": x.whole.freePerObjectByte, "unused slots per object byte": x.whole.unusedPerObjectByte,
  "scan work per live byte": x.whole.scanPerLiveByte, "largest half-to-half difference": Math.max(...Object.values(x.differences).map((d) => d ?? 0)), stable: x.stable,
})))), { caption: "Means over the run (ratios to the bytes held in objects), and how far the two halves of the run differ" });
lab.showVerdict(verdicts, "4.3");

// %% [markdown]
// **Takeaway.** Two kinds of waste are measured apart: *unused slots* inside spans (an object
// smaller than its size class, or a span not yet full: internal) and *free pages* between spans
// that the heap keeps but cannot use for a larger request (external). Which one a workload makes
// depends on its sizes and its churn, not on "slice" or "map", and a short run says little:
// compare the two halves before you believe a figure.
//
// **Exercise.** Which of the two workloads keeps more unused slots per byte held, on each version?
// Use the size classes of chapter 2 to explain why a map's buckets might waste more, or less.

// %% [markdown]
// ## 4.4 pprof, inlining and Delve
//
// > The article: pprof `alloc_space`/`alloc_objects` plus a Delve stack at mallocgc locate hot
// > spots that pprof alone misattributes (inlining).
//
// A small program allocates through `newBuffer`, which the compiler inlines into `handle`; it runs
// with `runtime.MemProfileRate = 1`, and its heap profile is read with `go tool pprof -traces`.

// %%
lab.showGoSource(lab.inliningProgram(lab.PPROF_BYTES), { intro: "The Go program profiled", comments: [`go ${lab.INLINING_BUILD_ARGS.join(" ")}`] });

// %%
for (const e of evidence.filter((x) => x.pprof)) {
  const p = e.pprof!;
  lab.showMarkdown(`Go ${p.go} (${e.source}): the compiler ${p.inlined ? "inlined" : "did not inline"} \`newBuffer\`. pprof's trace of its allocation:\n\n\`\`\`\n${p.trace}\n\`\`\``);
}
lab.showVerdict(verdicts, "4.4");

// %% [markdown]
// Beside pprof's sampled stacks, Delve's exact ones: every allocation of the preallocated map of
// lesson 4.1a, stopped at its runtime entry point, with the stack up to the probe function.

// %%
const stacked = store.live()[0];
if (stacked) {
  const traced = await store.trace([mapHinted], { stack: 6 });
  lab.showTable(lab.tracedAllocationsTable(traced.filter((t) => t.go === stacked.go), { stack: true }),
    { caption: `${lab.describeCase(mapHinted)} on Go ${stacked.go}: Delve's stack at each allocation` });
} else {
  lab.showMarkdown("No Go ran in this notebook (`live = false`, or no Go installed), so Delve took no stacks.");
}

// %% [markdown]
// **Takeaway.** pprof records the call stack of each sampled allocation with inlined frames
// marked as such, so an allocation made in an inlined helper is still attributed to the helper.
// Delve adds what a profile cannot: every allocation, not a sample, and the runtime function that
// made it. Use the profile to find where, and the debugger (or the lab's trace) to see exactly
// what.
//
// **Exercise.** Add `//go:noinline` to `newBuffer` in the program above, build it, and compare
// pprof's trace with the inlined one. What changes in the frames?

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator predicts every run of this chapter; where the runtime is random it gives a
// range. Only the disagreements are listed.

// %%
lab.showBeside(store);
