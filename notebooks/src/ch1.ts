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
const cache = true; // false: measure and trace everything again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims({ parameters: { hint: hint, len: len, cap: len } }).filter((c) => c.chapter === 1);
const programs = [`make(map[int]int, ${hint})`, `make([]int, ${len})`, `make([]int, 0, ${len})`, `make(map[int]int, 0)`]
  .flatMap((p) => [lab.parseCase(`_ = ${p}`), lab.parseCase(p)]);
const builds = [false, true].flatMap((debug) => programs.map((c) => ({ case: c, debug: debug })));
const store = await lab.observeWithProgress("Chapter 1", [...builds, ...lab.claimExperiments(claims)], { versions: versions, live: live, runs: runs, cache: cache });

// %% [markdown]
// ## What each program allocates
//
// `discard` is the article's program; `heap` keeps the result. `mallocs` counts `mallocgc` calls
// with a size above zero, as `runtime.MemStats.Mallocs` does; `allocated` is what the runtime
// actually took (size classes, whole pages).

// %%
const shown = store.select(builds);
lab.showTable(lab.resultsTable(shown), { caption: `The chapter-1 programs, per Go version and build (${store.caption(shown)})` });

// %%
await lab.showChart(lab.groupedBars(
  shown.map((o) => ({ program: `${lab.describeCase(o.experiment.case)}${o.experiment.debug ? " -N -l" : ""}`, mallocs: o.result.mallocs, go: `Go ${o.result.go}` })),
  { x: "program", y: "mallocs", color: "go", title: "mallocgc calls (size > 0) per program", source: store.caption(shown) },
));

// %% [markdown]
// ## Where the compiler put each result
//
// The compiler's escape analysis (`-gcflags=-m`) decides whether `make` allocates on the heap at
// all. These are its own words for each program, read from the build that was measured.

// %%
const decided = store.select(builds, { simulated: false });
lab.showTable(lab.escapeTable(decided), { caption: `Escape decisions (compiler -m output; ${store.caption(decided)})` });

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
const traced = await store.trace(programs, { debug: true, stack: 4 });
for (const t of traced.filter((x) => x.error)) lab.showMarkdown(`Go ${t.go}: not traced (${t.error})`);
lab.showTable(lab.tracedAllocationsTable(traced), { caption: "Every allocation Delve saw, with -N -l" });
lab.showTable(lab.tracedCountsTable(traced), { caption: "Counts from the Delve session" });

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator models each Go version's allocator and compiler from their source. Here it
// predicts every run above; where the runtime is random it gives a range.

// %%
lab.showBeside(store);
for (const go of versions) {
  lab.showTable(lab.allocationsTable(lab.simulate(`make(map[int]int, ${hint})`, { go: go })), { caption: `make(map[int]int, ${hint}) on Go ${go}: each allocation as the simulator explains it` });
}

// %% [markdown]
// ## Verdicts
//
// Each verdict below is computed from the runs above, per Go version.

// %%
lab.showVerdicts(await lab.decideClaims(claims, store));
