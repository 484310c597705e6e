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
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")

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
// One call, many tiny values: n inserts of a fresh *int8 allocate n one-byte values that share blocks.
const tinyShared = [1, 2, 8, 16, 17].map((k) => lab.parseCase({ op: "mapinsert", key: "int", elem: "*int8", n: k, freshElem: true }));
const store = await lab.observeWithProgress("Chapter 4", [...lab.optimized([...prealloc, ...thresholds, ...tinyShared]), ...lab.claimExperiments(claims)],
  { versions: versions, live: live, runs: runs, cache: cache });
const benchmarks = await store.onLiveVersions("benchmark", { cases: prealloc, benchtime: benchtime }, (v) => lab.benchmark(prealloc, { go: v.spec, benchtime: benchtime }));

// %% [markdown]
// ## Preallocation: `go test -bench -benchmem` and the lab's counts

// %%
lab.showTable(lab.aq.from(benchmarks.flatMap((o) => (o.result ?? []).map((b) => ({
  case: lab.describeCase(b.case), go: b.go, "allocs/op": b.allocsPerOp, "B/op": b.bytesPerOp, "ns/op": b.nsPerOp, "b.N": b.iterations, source: lab.describeSource(o.source, "run"),
})))), { caption: `go test -bench -benchmem -benchtime=${benchtime} on each installed Go` });
const preallocated = store.select(prealloc);
lab.showTable(lab.resultsTable(preallocated), { caption: `The lab's counts for one call (${store.caption(preallocated)})` });
await lab.showChart(lab.groupedBars(preallocated.map(({ result: r }) => ({ case: lab.describeCase(r.case), mallocs: r.mallocs, go: `Go ${r.go}` })),
  { x: "case", y: "mallocs", color: "go", title: "Allocations per operation, with and without preallocation", source: store.caption(preallocated) }));

// %% [markdown]
// ## Go's own small-size thresholds (in place of the article's Kotlin ones)
//
// The tiny allocator (pointer-free objects under 16 B share 16-byte blocks), small maps (a hint of
// at most 8 needs no bucket array up front), the 64 KiB limit for constant-size `make` on the
// stack, and small variable-size `make` (a stack buffer on newer Go).

// %%
const limits = store.select(thresholds);
lab.showTable(lab.aq.from(limits.map((o) => ({
  case: lab.describeCase(o.result.case), go: o.result.go, mallocs: o.result.mallocs, allocated: o.result.allocatedBytes,
  path: lab.allocationPaths(o) ?? "—",
  compiler: o.result.escape.map((e) => e.decision === "stack" ? "does not escape" : "escapes").join("; "),
}))), { caption: `Thresholds; the path as the simulator accounts for the same run (${store.caption(limits)})` });

// %% [markdown]
// ## The tiny allocator at work
//
// One small allocation per call never shows the tiny allocator sharing anything: each call starts
// with an empty block. Here one call inserts n keys into a `map[int]*int8`, each with a freshly
// allocated `int8`: n one-byte, pointer-free values. The first opens a 16-byte block; the next
// ones fit in it. `runtime/metrics` counts those as `/gc/heap/tiny/allocs:objects`.

// %%
const shared = store.select(tinyShared);
lab.showTable(lab.aq.from(shared.map((o) => ({
  case: lab.describeCase(o.result.case), go: o.result.go, mallocs: o.result.mallocs,
  "inside an existing tiny block": o.result.metrics["/gc/heap/tiny/allocs:objects"], allocated: o.result.allocatedBytes,
}))), { caption: `n fresh int8 values in one call (${store.caption(shared)})` });
const sixteen = tinyShared[3];
lab.showTable(lab.allocationsTable(lab.simulate(sixteen, { go: versions[versions.length - 1] })),
  { caption: `${lab.describeCase(sixteen)} on Go ${versions[versions.length - 1]}: every allocation as the simulator accounts for it` });

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator models each Go version's allocator and compiler from their source. Here it
// predicts every run above; where the runtime is random it gives a range.

// %%
lab.showBeside(store);

// %% [markdown]
// ## pprof and inlining (and the experiments that only run live)
//
// The article says pprof alone misattributes allocations made in inlined functions. A small
// program allocates through `newBuffer`, which the compiler inlines into `handle`; it runs with
// `runtime.MemProfileRate = 1` and its heap profile is read with `go tool pprof -traces`.

// %%
const evidence = await lab.withLiveExperiments(claims, store);
for (const e of evidence.filter((x) => x.pprof)) {
  const p = e.pprof!;
  lab.showMarkdown(`Go ${p.go}: the compiler ${p.inlined ? "inlined" : "did not inline"} \`newBuffer\`. pprof's trace of its allocation:\n\n\`\`\`\n${p.trace}\n\`\`\``);
}

// %% [markdown]
// Beside pprof's sampled stacks, Delve's exact ones: every allocation of the preallocated map of
// the first section, stopped at its runtime entry point, with the stack up to the probe function.

// %%
const stacked = store.live()[0];
if (stacked) {
  const traced = await store.trace([prealloc[0]], { stack: 6 });
  lab.showTable(lab.tracedAllocationsTable(traced.filter((t) => t.go === stacked.go), { stack: true }),
    { caption: `${lab.describeCase(prealloc[0])} on Go ${stacked.go}: Delve's stack at each allocation` });
} else {
  lab.showMarkdown("No Go ran in this notebook (live = false, or no Go installed), so Delve took no stacks.");
}

// %% [markdown]
// ## Long-running fragmentation
//
// A program keeps 64 MiB of slices (1–64 KiB each) or of maps (1–512 int entries each) and
// replaces random members for 20 seconds each, sampling `runtime/metrics` every 100 ms: bytes in
// objects, bytes reserved for objects but unused (free slots inside spans), and free pages kept
// between spans. The series below were sampled on each installed Go (recorded ones elsewhere); the
// verdict reads them only if their figures agree over the first and the second half of the run.

// %%
const churn = evidence.flatMap((e) => e.fragmentation ?? []);
const MB = (x: number | null) => (x === null ? null : Math.round((x / 2 ** 20) * 10) / 10);
await lab.showChart(lab.growthLines(churn.flatMap((s) => [
  { seconds: s.seconds, MB: MB(s.values.free), series: `free pages, ${s.workload}`, go: `Go ${s.go}` },
  { seconds: s.seconds, MB: MB(s.values.unused), series: `unused slots, ${s.workload}`, go: `Go ${s.go}` },
]), { x: "seconds", y: "MB", color: "series", panel: "go", yTitle: "memory (MB)", title: "Free pages and unused slots while churning", source: `runtime/metrics (${evidence.filter((e) => e.fragmentation).map((e) => `Go ${e.go}: ${e.source}`).join("; ")})` }));
lab.showTable(lab.aq.from(evidence.filter((e) => e.fragmentation).flatMap((e) => lab.fragmentationStability(e.fragmentation!).map((x) => ({
  go: e.go, workload: x.workload, seconds: x.seconds, "free/objects": x.whole.freePerObjectByte, "unused/objects": x.whole.unusedPerObjectByte,
  "scan/live": x.whole.scanPerLiveByte, "largest half-to-half difference": Math.max(...Object.values(x.differences).map((d) => d ?? 0)), stable: x.stable,
})))), { caption: "Means over the run (ratios to the bytes held in objects), and how far the two halves of the run differ" });

// %% [markdown]
// ## Verdicts

// %%
lab.showVerdicts(lab.computeVerdicts(claims, evidence, { sources: await lab.runtimeSources(versions) }));
