// %% [markdown]
// # Chapter 1 — How many mallocgc calls does `make` really make?
//
// The article's first chapter builds this program with `-gcflags="all=-N -l"`, runs it under
// Delve with a breakpoint on `runtime.mallocgc`, and reports what it counted:
//
// ```go
// package main
//
// func main() {
//     _ = make(map[int]int, 1000)
//     _ = make([]int, 1000)
// }
// ```
//
// | claim | the article says |
// |---|---|
// | 1.1 | `make(map[int]int, 1000)`: 2 calls, the `hmap` header and 8 buckets × 16 B = 128 B |
// | 1.2 | `make([]int, 1000)`: 1 call of 8000 B |
// | 1.3 | `make([]int, 0, 1000)`: 1 call, like 1.2 |
// | 1.4 | `make(map[int]int, 0)`: 2 calls ("Go always allocates a minimal table") |
// | 1.5 | `-N -l` is how to see these calls (so the debug build allocates what a normal build does) |
//
// This notebook runs the article's exact program (`_ = make(...)`, the result discarded) and an
// escaping variant (the result kept in a package-level variable, as real code keeps what it
// makes), each optimized and with `-N -l`, on every Go version below. Every number shown comes
// from a run made when the notebook ran, or from a recorded dataset that says so. Change the
// parameters and run all cells again.

// %% tags=["parameters"]
const hint = 1000; // the map's size hint, as in make(map[int]int, hint)
const len = 1000; // the slice's length, as in make([]int, len)
const versions = ["1.19", "1.26", "1.27"]; // Go versions to run on
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21; // calls of each case; hash-dependent cases vary between calls

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims({ parameters: { hint: hint, len: len, cap: len } }).filter((c) => c.chapter === 1);
const programs = [`make(map[int]int, ${hint})`, `make([]int, ${len})`, `make([]int, 0, ${len})`, `make(map[int]int, 0)`];
const experiments: lab.Experiment[] = [
  ...programs.flatMap((p) => [true, false].flatMap((debug) => [
    { case: lab.parseCase(`_ = ${p}`), debug },
    { case: lab.parseCase(p), debug },
  ])),
  ...lab.claimExperiments(claims),
];
const progress = lab.progress("Chapter 1");
const across = await lab.measureAcross(experiments, { versions: versions, live: live, runs: runs, onProgress: (m) => progress.update(m) });
progress.done(across.map((v) => `Go ${v.go}: ${v.source}`).join("; "));

// %% [markdown]
// ## What each program allocates
//
// `discard` is the article's program; `heap` keeps the result. `mallocs` counts `mallocgc` calls
// with a size above zero, as `runtime.MemStats.Mallocs` does; `allocated` is what the runtime
// actually took (size classes, whole pages).

// %%
const shown = lab.withSimulated(across).flatMap((v) => [...v.results, ...v.simulated].filter((r) => programs.some((p) => [lab.parseCase(`_ = ${p}`), lab.parseCase(p)].some((c) => JSON.stringify(c) === JSON.stringify(r.case)))));
lab.showTable(lab.resultsTable(shown), { caption: "The chapter-1 programs, per Go version and build" });

// %%
await lab.showChart(lab.groupedBars(
  shown.map((r) => ({ program: `${lab.describeCase(r.case)}${r.build.debug ? " -N -l" : ""}`, mallocs: r.mallocs, go: `Go ${r.go}` })),
  { x: "program", y: "mallocs", color: "go", title: "mallocgc calls (size > 0) per program", source: across.map((v) => `Go ${v.go}: ${v.source}`).join("; ") },
));

// %% [markdown]
// ## Where the compiler put each result
//
// The compiler's escape analysis (`-gcflags=-m`) decides whether `make` allocates on the heap at
// all. These are its own words for each program, read from the build that was just measured.

// %%
lab.showTable(lab.aq.from(shown.map((r) => ({
  program: lab.describeCase(r.case), build: r.build.debug ? "-N -l" : "optimized", go: r.go,
  compiler: r.escape.map((e) => `${e.expr}: ${e.decision === "stack" ? "does not escape" : "escapes to heap"}`).join("; "),
}))), { caption: "Escape decisions (compiler -m output)" });

// %% [markdown]
// ## The Delve session, replayed
//
// The article counted `runtime.mallocgc` hits in Delve by hand. The lab drives Delve through its
// JSON-RPC API on the same programs, built with `-N -l` as the article did: every allocation
// between the probe's begin and end markers, on the probe's goroutine, with its size, type, the
// runtime function that made it and its entry point. On Go 1.27 many small allocations enter
// size-specialised `mallocgc…SC` functions and never reach `runtime.mallocgc`, so a breakpoint on
// `runtime.mallocgc` alone would miss them; the lab breaks on every entry.

// %%
const traced: lab.TraceResult[] = [];
const traceProgress = lab.progress("Delve");
for (const v of across.filter((x) => x.source === "measured now")) {
  traceProgress.update(`tracing on Go ${v.go}`);
  try {
    traced.push(...((await lab.trace(programs.flatMap((p) => [`_ = ${p}`, p]), { go: v.spec, debug: true, stack: 4 })) as lab.TraceResult[]));
  } catch (e) {
    lab.showMarkdown(`Go ${v.go}: not traced (${(e as Error).message})`);
  }
}
traceProgress.done(`${traced.length} programs traced`);
lab.showTable(lab.aq.from(traced.flatMap((t) => (t.allocations ?? []).map((a) => ({
  program: lab.describeCase(t.case), go: t.go, size: a.size, type: a.type, site: a.site, entry: a.entry,
})))), { caption: "Every allocation Delve saw, with -N -l (traced just now)" });
lab.showTable(lab.aq.from(traced.map((t) => ({ program: lab.describeCase(t.case), go: t.go, "mallocgc calls": t.mallocgcCalls, "mallocs (size > 0)": t.mallocs }))),
  { caption: "Counts from the Delve session" });

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator models each Go version's allocator and compiler from their source. Here it
// predicts every run above; where the runtime is random it gives a range.

// %%
const beside = lab.simulateBeside(across);
lab.showTable(lab.aq.from(beside.map((r) => ({ case: r.case, build: r.build, go: r.go, measured: r.measured, simulated: r.simulatedRange || r.simulated, agree: r.agree === null ? "—" : r.agree ? "yes" : "NO", differences: r.differences }))),
  { caption: `Simulated beside measured: ${beside.filter((r) => r.agree).length} of ${beside.filter((r) => r.agree !== null).length} agree` });

// %%
for (const go of versions) {
  lab.showTable(lab.allocationsTable(lab.simulate(`make(map[int]int, ${hint})`, { go: go })), { caption: `make(map[int]int, ${hint}) on Go ${go}: each allocation as the simulator explains it` });
}

// %% [markdown]
// ## Verdicts
//
// Each verdict below is computed now from the runs above, per Go version.

// %%
lab.showVerdicts(lab.computeVerdicts(claims, await lab.withLiveExperiments(claims, across)));
