// %% [markdown]
// # Chapter 2 — The runtime's allocation path
//
// The article's second chapter explains how `mallocgc` serves a request. It claims:
//
// | claim | the article says |
// |---|---|
// | 2.1a | a `[]int` of 10 elements requests 80 B, rounded up to 96 B |
// | 2.1b | 0–8192 B come from the mcache without a lock, 8193–32768 B from the mcentral with a lock, larger from the mheap |
// | 2.2a | the `hmap` header is a fixed 56 B on amd64 |
// | 2.2b | a map is separate allocations: `hmap`, one bucket array of 1<<B buckets, overflow buckets one by one |
// | 2.2c | `make(map[string]int)` allocates 1 bucket (B=0); the 9th insert allocates an overflow bucket |
// | 2.3a | `make([]int, 1000)` and `make([]int, 0, 1000)` both make one 8 KB allocation |
// | 2.3b | `make([]int, 1000)` + 1 append = 2 mallocs; `make([]int, 0, 1000)` + 1000 appends = 1 |
// | 2.4a | Delve breakpoint hits: `sysAlloc` low, `(*mcache).allocLarge` medium, `growWork` high |
// | 2.5a, 2.5b | GC distorts what is observed; the reading of `GODEBUG=gctrace=1` |
//
// Below, each is measured on every Go version. Sizes are what the runtime reports for one call of
// each case (`runtime.MemStats` deltas and the `/gc/heap/allocs-by-size:bytes` histogram).

// %% tags=["parameters"]
const sizes = [8, 16, 24, 33, 80, 8192, 8200, 32760, 32768, 32769, 65536]; // make([]byte, n) for each n
const inserts = [0, 1, 8, 9, 13, 14, 26, 27, 100]; // map[string]int, phase by phase
const appends = [1, 2, 4, 5, 8, 9, 16, 17, 100, 256, 257, 1000]; // appends to a nil []int
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21;
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims().filter((c) => c.chapter === 2);
const bySize = sizes.map((n) => lab.parseCase(`make([]byte, ${n})`));
const mapPhases = inserts.map((n) => lab.parseCase({ op: "mapinsert", key: "string", elem: "int", n: n }));
const growth = appends.map((n) => lab.parseCase({ op: "append", elem: "int", n: n, start: "nil" }));
const experiments = [...lab.optimized([...bySize, ...mapPhases, ...growth]), ...lab.claimExperiments(claims)];
const store = await lab.observeWithProgress("Chapter 2", experiments, { versions: versions, live: live, runs: runs, cache: cache });

// %% [markdown]
// ## Sizes, size classes and paths
//
// For each requested size: what the runtime took, and how it was served: the tiny allocator
// (pointer-free requests under 16 B share 16-byte blocks), a size class (the small path, served
// from the mcache), or a large object (whole 8 KiB pages from the heap).

// %%
const sized = store.select(bySize);
const sizeRows = sized.map((o) => ({
  requested: o.result.case.op === "makeslice" ? o.result.case.len : 0, go: o.result.go, mallocs: o.result.mallocs, allocated: o.result.allocatedBytes,
  path: lab.allocationPaths(o) ?? "(the simulator does not account for this run)",
}));
lab.showTable(lab.aq.from(sizeRows), { caption: `make([]byte, n): what the runtime took, and the path each allocation took as the simulator accounts for the same run (${store.caption(sized)})` });
await lab.showChart(lab.growthLines(sizeRows.map((r) => ({ requested: r.requested, allocated: r.allocated, go: `Go ${r.go}` })),
  { x: "requested", y: "allocated", panel: "go", title: "Bytes taken against bytes requested", source: store.caption(sized), logX: true }));

// %% [markdown]
// ## A map, phase by phase
//
// `make(map[string]int)` and then n inserts: every allocation the map has made by then.
// On Go 1.19 the count of some phases depends on the map's random hash seed; the median of the
// runs is drawn and the range is in the table.

// %%
const phases = store.select(mapPhases);
lab.showTable(lab.resultsTable(phases), { caption: "map[string]int after n inserts" });
await lab.showChart(lab.growthLines(phases.map(({ result: r }) => ({ inserts: r.case.op === "mapinsert" ? r.case.n : 0, mallocs: r.mallocs, go: `Go ${r.go}` })),
  { x: "inserts", y: "mallocs", panel: "go", title: "map[string]int: mallocs after n inserts", source: store.caption(phases) }));

// %% [markdown]
// ## Slice growth through append
//
// Appending one `int` at a time to a nil slice: every time the capacity runs out, `growslice`
// allocates a larger array.

// %%
const grown = store.select(growth);
await lab.showChart(lab.growthLines(grown.map(({ result: r }) => ({ appends: r.case.op === "append" ? r.case.n : 0, bytes: r.allocatedBytes, go: `Go ${r.go}` })),
  { x: "appends", y: "bytes", panel: "go", title: "append to a nil []int: bytes allocated", source: store.caption(grown), logX: true }));
lab.showTable(lab.resultsTable(grown), { caption: "append to a nil []int" });

// %% [markdown]
// ## Garbage collection on and off
//
// The article says GC marking distorts what is observed, and that the mean `mallocgc` latency
// drops from 12.4 µs to 3.1 µs with `GOGC=off`. Here the same benchmarks run both ways with
// `go test -bench`, 10 times each, alternating, on every installed Go (recorded ones elsewhere;
// the cases are claim 2.5a's, in the claims registry); "ns per malloc" is the operation's time
// shared among its allocations, as a median with its 95% interval over the runs.

// %%
const evidence = await lab.withLiveExperiments(claims, store);
const gcSummary = evidence.filter((e) => e.gc).flatMap((e) => lab.summarizeGcLatency(e.gc!).map((s) => ({
  go: e.go, gc: s.gc, runs: s.nsPerMalloc.n, "ns per malloc, median [95% CI]": lab.describeInterval(s.nsPerMalloc, "ns"),
})));
lab.showTable(lab.aq.from(gcSummary), { caption: `go test -bench, GOGC=100 and GOGC=off alternating; timings on a shared machine are noisy (${evidence.filter((e) => e.gc).map((e) => `Go ${e.go}: ${e.source}`).join("; ")})` });

// %% [markdown]
// ## What a `GODEBUG=gctrace=1` line says
//
// The article reads `0.12 ms` as the mark phase and `4->4->2 MB` as the heap before, during and
// after marking. Below: real trace lines from a benchmark run, parsed, and the runtime's
// own description of the fields, read from the installed Go's `runtime/extern.go`.

// %%
const traceGo = store.live()[0];
if (traceGo) {
  const workload = ["make([]byte, 4096)"];
  const [run] = await store.onLiveVersions("gctrace", { cases: workload }, (v) => lab.gcTrace(workload, { go: v.spec }), { only: [traceGo.spec] });
  const trace = run.result ?? [];
  lab.showTable(lab.aq.from(trace.slice(0, 8).map((t) => ({
    gc: t.gc, "at (s)": t.atSeconds, "% in GC": t.percent, "STW sweep term. (ms)": t.clockMs[0], "concurrent mark (ms)": t.clockMs[1],
    "STW mark term. (ms)": t.clockMs[2], "heap at start (MB)": t.heapMB[0], "heap at end (MB)": t.heapMB[1], "live heap (MB)": t.heapMB[2], "goal (MB)": t.goalMB,
  }))), { caption: `The first gctrace lines of ${trace.length}, Go ${traceGo.go} (${lab.describeSource(run.source, "run")})` });
  const doc = await lab.gcTraceDocumentation(traceGo.spec);
  lab.showMarkdown(`From \`${doc.file}\` (Go ${doc.go}):\n\n\`\`\`\n${doc.text}\n\`\`\``);
} else {
  lab.showMarkdown("No Go ran in this notebook (live = false, or no Go installed), so no trace was taken.");
}

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator models each Go version's allocator and compiler from their source. Here it
// predicts every run above; where the runtime is random it gives a range.

// %%
lab.showBeside(store);

// %% [markdown]
// ## Breakpoint frequencies under Delve (claim 2.4a)
//
// The article set breakpoints on `runtime.sysAlloc`, `runtime.(*mcache).allocLarge` and
// `runtime.growWork` and reported their hit frequencies, with `growWork` "caused by GC marking".
// The lab counts hits of every function of those families (and their successors in newer Go) over
// a workload of map growth, large objects and slice growth, with the GC turned off by the probe.

// %%
for (const e of evidence.filter((x) => x.breakpoints)) {
  const b = e.breakpoints!;
  lab.showTable(lab.aq.from(b.functions.map((f) => ({ function: f.name, present: f.present, hits: f.wholeRun, "per case": f.perCase.join(" / "), "what it is": f.what }))),
    { caption: `Go ${b.go}, Delve ${b.delve.version}, GC off: hits over the whole run and inside each case (${e.source})` });
}

// %% [markdown]
// ## Verdicts

// %%
lab.showVerdicts(lab.computeVerdicts(claims, evidence, { sources: await lab.runtimeSources(versions) }));
