// %% [markdown]
// # Chapter 1 — How many mallocgc calls does `make` really make?
//
// The article's first chapter builds this program with `-gcflags="all=-N -l"`, runs it under
// Delve with a breakpoint on `runtime.mallocgc`, and counts the calls:
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
// This chapter takes its five claims one at a time, as lessons: the claim, the Go program the lab
// measured, the result on every Go version, the verdict and why, then what to remember. Each
// program runs as the article wrote it (`_ = make(...)`, the result discarded) and with its result
// kept in a package-level variable (as real code keeps what it makes), each built optimized and
// with `-N -l`. Every number comes from a run made when the notebook ran, or from a recorded
// dataset that says so. Change the parameters and run all cells again.

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
// Each program as the article wrote it (discarded) and kept, optimized and with -N -l.
const variants = (program: string): lab.Experiment[] =>
  [false, true].flatMap((debug) => [`_ = ${program}`, program].map((t) => ({ case: lab.parseCase(t), debug: debug })));
const lessons = {
  map: variants(`make(map[int]int, ${hint})`),
  slice: variants(`make([]int, ${len})`),
  capacity: variants(`make([]int, 0, ${len})`),
  empty: variants("make(map[int]int, 0)"),
};
const all = [...lessons.map, ...lessons.slice, ...lessons.capacity, ...lessons.empty];
const inLessons = new Set(all.map(lab.experimentKey));
const store = await lab.observeWithProgress("Chapter 1", [...all, ...lab.claimExperiments(claims)], { versions: versions, live: live, runs: runs, cache: cache });
const verdicts = await lab.decideClaims(claims, store);
const results = (experiments: lab.Experiment[], what: string) =>
  lab.showByVersion(store.select(experiments), { caption: `${what} (${store.caption(store.select(experiments))})` });

// %% [markdown]
// ## 1.1 A map with a hint of 1000: a header and a bucket array?
//
// > The article: `make(map[int]int, 1000)` makes **2** mallocgc calls, the `hmap` header and a
// > bucket array of 8 buckets × 16 B = 128 B.

// %%
lab.showProgram(lessons.map);

// %% [markdown]
// What each program allocated, per Go version: `mallocs` counts `mallocgc` calls of a size above
// zero, as `runtime.MemStats.Mallocs` does, and the size is what the runtime took (size classes,
// whole pages). Below it, the verdict on the article's own program (discarded, `-N -l`).

// %%
results(lessons.map, `make(map[int]int, ${hint}): mallocs and bytes taken`);
lab.showVerdict(verdicts, "1.1");

// %% [markdown]
// The allocations one by one, as the lab's simulator accounts for the article's program on each
// version (it models each version's allocator and compiler from their source):

// %%
const article = lessons.map[2].case; // _ = make(map[int]int, hint), built with -N -l
for (const go of versions) {
  lab.showTable(lab.allocationsTable(lab.simulate(article, { go: go, debug: true })), { caption: `${lab.describeCase(article)}, -N -l, on Go ${go}: each allocation as the simulator explains it` });
}

// %% [markdown]
// **Takeaway.** A map is not one fixed pair of allocations. Where the map lives is decided first,
// by escape analysis: a map that does not escape keeps its header (and, for a hint of at most 8,
// its first bucket or group) in the function's frame. What is allocated for the entries follows
// the version's map design: on Go 1.19, one array of 2^B buckets of 8 entries each, B the
// smallest with hint ≤ 6.5 × 2^B, plus spare overflow buckets for larger B; from Go 1.24, Swiss
// tables of 8-slot groups filled to 7/8 at most, split into several tables under a directory
// once one table (1024 slots) is not enough. A bucket of `map[int]int` holds 8 keys, 8 values,
// their hash bytes and an overflow pointer, so it is far larger than 16 B.
//
// **Exercise.** Set `hint = 8`, then `hint = 9`, and run all cells again. Why does a bucket array
// (or a group) appear on the heap at 9 and not at 8, for the discarded map too? The escape
// decisions in lesson 1.2 and the simulator's tables name the rule.

// %% [markdown]
// ## 1.2 A slice of 1000 ints: one call of 8000 B?
//
// > The article: `make([]int, 1000)` makes **1** mallocgc call of 8000 B.

// %%
lab.showProgram(lessons.slice);

// %%
results(lessons.slice, `make([]int, ${len}): mallocs and bytes taken`);
lab.showVerdict(verdicts, "1.2");

// %% [markdown]
// The compiler's reason, in its own words (`-gcflags=-m`), read from the builds that were
// measured, beside the count:

// %%
const decided = store.select([...lessons.slice, ...lessons.map], { simulated: false });
lab.showByVersion(decided, { cell: lab.escapeCell, caption: `The compiler's escape decision on each make, and the mallocs (${store.caption(decided)})` });

// %% [markdown]
// **Takeaway.** `make` is not a call to `mallocgc`: the compiler decides first. A slice whose
// size is a constant, that never leaves the function and fits the stack limit for implicit
// variables (64 KiB) lives in the function's frame and costs no allocation at all. Discarding the
// result with `_ =` is the clearest case of "never leaves the function". Only a slice that escapes goes through `runtime.makeslice` to
// `mallocgc`, which rounds 8000 B up to its size class.
//
// **Exercise.** Set `len = 8192` and then `len = 8193` (8 bytes an int). At which length does
// the discarded slice start to allocate, and what does the compiler say about it then?

// %% [markdown]
// ## 1.3 With a capacity instead of a length
//
// > The article: `make([]int, 0, 1000)` makes **1** call, the same as `make([]int, 1000)`.

// %%
lab.showProgram(lessons.capacity);

// %%
results(lessons.capacity, `make([]int, 0, ${len}): mallocs and bytes taken`);
lab.showVerdict(verdicts, "1.3");

// %% [markdown]
// **Takeaway.** The backing array is sized by the capacity; the length only says how much of it
// is in use. So `make([]int, 0, n)` and `make([]int, n)` reserve the same array and follow the
// same escape rules: lesson 1.2's rule decides both.
//
// **Exercise.** Here the capacity is a constant. Ask the simulator about one known only at run
// time, in a slice that still does not escape: `npx golab predict 'make([]int, 0, 1000) [variable
// size, stack]' --go 1.19`, then `--go 1.26`, then both again with a capacity of 4. Which of them
// stay in the frame, and what does the compiler need to know to put an array there?

// %% [markdown]
// ## 1.4 An empty map: does Go always allocate a minimal table?
//
// > The article: `make(map[int]int, 0)` makes **2** calls: Go always allocates a minimal table.

// %%
lab.showProgram(lessons.empty);

// %%
results(lessons.empty, "make(map[int]int, 0): mallocs and bytes taken");
lab.showVerdict(verdicts, "1.4");

// %% [markdown]
// **Takeaway.** A small map (hint 0 to 8) is made lazily. When it escapes, `makemap_small`
// allocates only the header; the first bucket (Go 1.19) or group (Swiss maps) comes with the
// first insert. When it does not escape, the compiler puts the header and one bucket or group in
// the frame, and nothing is allocated until the map outgrows them.
//
// **Exercise.** Chapter 2 inserts into a kept `map[string]int` one key at a time. Predict from this
// rule which insert allocates the map's first bucket or group, then check it there.

// %% [markdown]
// ## 1.5 Is `-N -l` the way to see these calls?
//
// > The article: build with `-gcflags="all=-N -l"` to observe the calls (so the debug build would
// > allocate what a normal build allocates).
//
// The claim is tested on the programs above and on other allocating code (appends to a nil
// slice, a `make` of a variable size), each built both ways:

// %%
const others = lab.claimExperiments(claims.filter((c) => c.id === "1.5")).filter((e) => !inLessons.has(lab.experimentKey(e)));
lab.showProgram(others, { intro: "The other programs measured (those of lessons 1.1 to 1.4 are above)" });

// %%
// Each program's optimized build, then its -N -l build, so the two sit on adjacent rows.
const paired = others.filter((e) => !e.debug).flatMap((e) => [e, { case: e.case, debug: true }]);
const builds = store.select(paired);
lab.showByVersion(builds, { caption: `The other programs, optimized and with -N -l; lessons 1.1 to 1.4 show theirs both ways above (${store.caption(builds)})` });
await lab.showChart(lab.groupedBars(
  store.select(all).map((o) => ({ program: `${lab.describeCase(o.experiment.case)}${o.experiment.debug ? " -N -l" : ""}`, mallocs: o.result.mallocs, go: `Go ${o.result.go}` })),
  { x: "program", y: "mallocs", color: "go", title: "mallocgc calls (size > 0) per program and build", source: store.caption(store.select(all)) },
));
lab.showVerdict(verdicts, "1.5");

// %% [markdown]
// The article counted `runtime.mallocgc` hits in Delve by hand. The lab drives Delve through its
// JSON-RPC API on the article's programs, built with `-N -l` as the article did, and stops at
// every allocation between the probe's begin and end markers. On Go 1.27 many small allocations
// enter size-specialised `mallocgc…SC` functions and never reach `runtime.mallocgc`, so a
// breakpoint on `runtime.mallocgc` alone would miss them; the lab breaks on every entry.

// %%
const articlePrograms = all.filter((e) => e.debug && "escape" in e.case && e.case.escape === "discard").map((e) => e.case);
const traced = await store.trace(articlePrograms, { debug: true, stack: 4 });
for (const t of traced.filter((x) => x.error)) lab.showMarkdown(`Go ${t.go}: not traced (${t.error})`);
if (traced.some((t) => t.result)) {
  lab.showTable(lab.tracedCountsTable(traced), { caption: "Delve's count of each program, with -N -l" });
  lab.showTable(lab.tracedAllocationsTable(traced), { caption: "Every allocation Delve saw, with -N -l" });
} else {
  lab.showMarkdown("No Go ran in this notebook (`live = false`, or no Go installed), so no Delve session was replayed; the recorded counts above are what a run gave.");
}

// %% [markdown]
// **Takeaway.** `-N -l` turns off optimization and inlining, and with them some of the compiler's
// decisions about where memory lives: on newer Go, the stack buffer that an append or a small
// `make` of a variable size gets is one of them. A debugger is the right tool to see *where* an
// allocation comes from (its stack), but the count to trust is the optimized build's, read from
// `runtime.MemStats` or `testing.AllocsPerRun`.
//
// **Exercise.** In the table above, find the programs whose count changes with `-N -l`, and the
// Go versions where it changes. What do they have in common?

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator predicts every run of this chapter; where the runtime is random it gives a
// range. Only the disagreements are listed.

// %%
lab.showBeside(store);
