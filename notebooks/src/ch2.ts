// %% [markdown]
// # Chapter 2 — The runtime's allocation path
//
// The article's second chapter explains how `mallocgc` serves a request: size classes, the
// per-P cache (mcache), the shared lists (mcentral) and the heap (mheap); what a map is made of;
// how slices grow; and what the garbage collector does to the picture. This chapter takes its
// claims one at a time, as lessons: the claim, the Go program the lab measured, the result on
// every Go version, the verdict and why, then what to remember. Sizes are what the runtime
// reports for one call of each program (`runtime.MemStats` deltas and the
// `/gc/heap/allocs-by-size:bytes` histogram). Change the parameters and run all cells again.

// %% tags=["parameters"]
const sizes = [8, 16, 24, 33, 80, 8192, 8200, 32760, 32768, 32769, 65536]; // make([]byte, n) for each n
const inserts = [0, 1, 8, 9, 13, 14, 26, 27, 100]; // map[string]int, phase by phase
const appends = [1, 2, 4, 5, 8, 9, 16, 17, 100, 256, 257, 1000]; // appends to a nil []int
const keyLen = 16; // 2.2d: bytes of a map key built at run time (string(b), and a + b of two halves)
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21;
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims().filter((c) => c.chapter === 2);
const ofClaim = (id: string) => lab.claimExperiments(claims.filter((c) => c.id === id));
const bySize = sizes.map((n) => lab.parseCase(`make([]byte, ${n})`));
const mapPhases = inserts.map((n) => lab.parseCase({ op: "mapinsert", key: "string", elem: "int", n: n }));
const growth = appends.map((n) => lab.parseCase({ op: "append", elem: "int", n: n, start: "nil" }));
const half = Math.floor(keyLen / 2);
// As JSON, like the phases above: a bad keyLen is refused by name ("len must be a whole number").
const keyCases = [lab.parseCase({ op: "convert", to: "string", len: keyLen }), lab.parseCase({ op: "concat", lens: [half, keyLen - half] })];
const experiments = [...lab.optimized([...bySize, ...mapPhases, ...growth, ...keyCases]), ...lab.claimExperiments(claims)];
const store = await lab.observeWithProgress("Chapter 2", experiments, { versions: versions, live: live, runs: runs, cache: cache });
const evidence = await lab.withLiveExperiments(claims, store);
const verdicts = lab.computeVerdicts(claims, evidence, { sources: await lab.runtimeSources(versions) });
const results = (wanted: (lab.Case | lab.Experiment)[], what: string, cell?: lab.CellText) =>
  lab.showByVersion(store.select(wanted), { caption: `${what} (${store.caption(store.select(wanted))})`, cell: cell });

// %% [markdown]
// ## 2.1a Ten ints: 80 B, rounded up to 96 B?
//
// > The article: a `[]int` of 10 elements requests 80 B, rounded up to 96 B.

// %%
lab.showProgram(ofClaim("2.1a"));

// %%
results(ofClaim("2.1a"), "make([]int, 10): bytes taken and how they were served", lab.pathCell);
lab.showVerdict(verdicts, "2.1a");

// %% [markdown]
// **Takeaway.** A small request is rounded up to the smallest *size class* that holds it: a
// fixed list of about 68 sizes (`runtime/sizeclasses.go`), chosen so that no class wastes more
// than about 12.5% of a span. A request that is itself a class size is not rounded at all, so
// the question is always "which classes are there?", not "round up to the next power of two".
//
// **Exercise.** The sizes table of the next lesson asks for 33 B. Which class serves it, and how
// much of it is wasted? Then run `npx golab predict 'make([]int, 10)' --go 1.19` in a terminal:
// the simulator names the class and its rule.

// %% [markdown]
// ## 2.1b Which path serves which size?
//
// > The article: 0–8192 B are served by the mcache without a lock, 8193–32768 B by the mcentral
// > with a lock, over 32768 B by the mheap.

// %%
lab.showProgram(ofClaim("2.1b"));

// %% [markdown]
// The claim's sizes, and those of the `sizes` parameter, each with the path its allocations took,
// as the simulator accounts for the same run (given only where it agrees exactly with the run):

// %%
results(lab.optimized(bySize), "make([]byte, n): bytes taken and the path of each allocation", lab.pathCell);
const sized = store.select(bySize);
await lab.showChart(lab.growthLines(sized.map((o) => ({ requested: o.result.case.op === "makeslice" ? o.result.case.len : 0, allocated: o.result.allocatedBytes, go: `Go ${o.result.go}` })),
  { x: "requested", y: "allocated", panel: "go", title: "Bytes taken against bytes requested", source: store.caption(sized), logX: true }));
lab.showVerdict(verdicts, "2.1b");

// %% [markdown]
// **Takeaway.** There are three paths, split by size and pointers, not by lock: pointer-free
// requests under 16 B share 16-byte blocks (the *tiny allocator*); everything up to 32 KiB is a
// *small object*, taken from a span of its size class that the P's mcache holds, with no lock;
// only when that span is full does the mcache fetch another from the mcentral (that is where a
// lock is taken, for small sizes too); above that a *large object* gets its own span of whole
// 8 KiB pages straight from the mheap. The limit moved a little: since Go 1.22 an object must
// also leave room for an 8-byte malloc header to be small, so exactly 32 KiB is large there.
//
// **Exercise.** Add `1` and `15` to `sizes` and run all cells again. Which path serves them, and
// why does a 16-byte request not take it?

// %% [markdown]
// ## 2.2a The map header
//
// > The article: the `hmap` header is a fixed 56 B on amd64.

// %%
lab.showProgram(ofClaim("2.2a"));

// %%
results(ofClaim("2.2a"), "make(map[int]int): mallocs and bytes taken");
lab.showVerdict(verdicts, "2.2a");

// %% [markdown]
// **Takeaway.** A header's size is the sum of its fields on the platform, padded, then rounded
// to a size class. Go 1.19's header is `hmap` in `runtime/map.go`; the Swiss maps of Go 1.24 and
// later have `maps.Map` in `internal/runtime/maps/map.go`. Neither is something to remember: read
// the struct of the version you run.
//
// **Exercise.** Open `runtime/map.go` of Go 1.19 (`/usr/lib/go-1.19/src/runtime/map.go`), add
// up the fields of `hmap` on amd64 (8-byte words and pointers), and compare with the table.

// %% [markdown]
// ## 2.2b A map is separate allocations
//
// > The article: a map is separate allocations: the `hmap`, then one bucket array of 1<<B buckets
// > (overflow buckets come later, one malloc each).

// %%
lab.showProgram(ofClaim("2.2b"));

// %%
results(ofClaim("2.2b"), "make(map[int]int, hint): mallocs and bytes taken");
lab.showVerdict(verdicts, "2.2b");

// %% [markdown]
// **Takeaway.** On Go 1.19 a map made with a hint is a header and one array of 2^B buckets; from
// B = 4 on, `makeBucketArray` also reserves spare overflow buckets at the end of that array and
// a small `mapextra` to track them, so "overflow buckets one malloc each" is only the fallback.
// Swiss maps (Go 1.24 on) are built differently: a header, then for a large hint a directory
// of tables, each table with its own array of 8-slot groups.
//
// **Exercise.** Run `npx golab predict 'make(map[int]int, 1000)' --go 1.19` and then
// `--go 1.26`: which allocations hold entries, and which are bookkeeping?

// %% [markdown]
// ## 2.2c One bucket, then an overflow bucket at the 9th insert?
//
// > The article: `make(map[string]int)` allocates 1 bucket with B=0, and inserting the 9th
// > element allocates an overflow bucket.

// %%
lab.showProgram(ofClaim("2.2c"));

// %% [markdown]
// The claim's programs, and `make(map[string]int)` followed by n inserts for each n of the
// `inserts` parameter. On Go 1.19 the count of some phases depends on the map's random hash
// seed: the table gives the range over the runs, the chart the median.

// %%
results(lab.optimized(mapPhases), "map[string]int after n inserts: mallocs and bytes taken");
const phases = store.select(mapPhases);
await lab.showChart(lab.growthLines(phases.map(({ result: r }) => ({ inserts: r.case.op === "mapinsert" ? r.case.n : 0, mallocs: r.mallocs, go: `Go ${r.go}` })),
  { x: "inserts", y: "mallocs", panel: "go", title: "map[string]int: mallocs after n inserts", source: store.caption(phases) }));
lab.showVerdict(verdicts, "2.2c");

// %% [markdown]
// **Takeaway.** A map grows when its *load* passes a limit, not when one bucket fills: on Go 1.19,
// an insert that would bring the count over 8 and over 6.5 per bucket doubles the bucket array
// (`hashGrow`), and overflow buckets are for a bucket that fills up before the map as a whole
// is over the limit, which depends on where the keys hash. Swiss maps keep a small map in one
// group of 8 slots and turn it into a full table when a 9th key arrives.
//
// **Exercise.** Look at the phases 13 → 14 and 26 → 27 on Go 1.19. Which rule explains each
// step? Add 52 and 53 to `inserts` to test your answer.

// %% [markdown]
// ## 2.2d What do the keys cost?
//
// The counts of 2.2c are the map's own memory only: the probe builds its keys
// (`strconv.Itoa(i)`) in `setup()`, into a package slice, before the counted window opens. A
// slot of a `map[string]int` holds the string's header (a pointer and a length); the key's bytes
// are a separate object. A program that builds its keys at run time pays for them too: below, a
// key of `keyLen` bytes read from input (`string(b)`), and one joined from two halves (`a + b`,
// say a prefix and an id). A key the map keeps escapes, so each result is kept in a package
// variable, as the simulator's cases do by default (neither `_ =` nor `[stack]`).

// %%
lab.showProgram(keyCases);

// %%
lab.showSimulatedBeside(store, keyCases, { what: `A ${keyLen}-byte key built at run time` });

// %% [markdown]
// **Takeaway.** Each key built at run time and stored is one more allocation of its length,
// rounded to a size class; the map copies the header, never the bytes. Chapter 6's 32-byte stack
// buffer does not help a key the map keeps. Only a lookup skips the copy: `m[string(b)]` reads the
// map with a temporary string over `b` (`mapKeyReplaceStrConv` in the compiler's `walk/order.go`).
//
// **Exercise.** Set `keyLen = 33` and run all cells again: the count stays, but which size class
// serves the key now, and how many of its bytes are unused? Then try `keyLen = 1`: why does
// neither key allocate?

// %% [markdown]
// ## 2.3a One 8 KB allocation for both slices?
//
// > The article: `make([]int, 1000)` and `make([]int, 0, 1000)` both make exactly one 8 KB
// > allocation.
//
// The article writes them as `_ = make(...)`; the lab runs that program, and the same makes with
// the result kept.

// %%
lab.showProgram(ofClaim("2.3a"));

// %%
results(ofClaim("2.3a"), "make([]int, 1000) and make([]int, 0, 1000): mallocs and bytes taken");
lab.showVerdict(verdicts, "2.3a");

// %% [markdown]
// **Takeaway.** The same rule as chapter 1 (lessons 1.2 and 1.3): the compiler decides first. A
// constant-size slice that does not escape lives in the frame; one that escapes is one
// allocation, rounded up to the 8 KiB size class.
//
// **Exercise.** The kept `make([]int, 1000)` asks for fewer bytes than it takes. How many are
// left unused? Run `npx golab predict 'make([]int, 1000)' 'make([]int, 1024)' 'make([]int, 1025)'`:
// which length fills its size class exactly, and what does one more element cost?

// %% [markdown]
// ## 2.3b Appending past the capacity
//
// > The article: `make([]int, 1000)` plus one append makes 2 mallocs in all; `make([]int, 0, 1000)`
// > plus 1000 appends makes 1.

// %%
lab.showProgram(ofClaim("2.3b"));

// %%
results(ofClaim("2.3b"), "append after make: mallocs and bytes taken");
lab.showVerdict(verdicts, "2.3b");

// %% [markdown]
// Appending one `int` at a time to a nil slice (n from the `appends` parameter): every time the
// capacity runs out, `growslice` allocates a larger array and copies.

// %%
const grown = store.select(growth);
await lab.showChart(lab.growthLines(grown.map(({ result: r }) => ({ appends: r.case.op === "append" ? r.case.n : 0, bytes: r.allocatedBytes, go: `Go ${r.go}` })),
  { x: "appends", y: "bytes", panel: "go", title: "append to a nil []int: bytes allocated", source: store.caption(grown), logX: true }));
results(lab.optimized(growth), "n appends to a nil []int: mallocs and bytes taken");

// %% [markdown]
// **Takeaway.** `append` allocates only when the length reaches the capacity. `growslice` then
// doubles the capacity of a small slice and grows a large one by a smaller factor (from 256
// elements on, by about a quarter plus a constant), and rounds the new array up to a size class.
// A slice made with the capacity it will need never grows.
//
// **Exercise.** In the table above, find the appends at which the bytes jump. Do the jumps follow
// "double the capacity"? Where does rounding to a size class make a step bigger than doubling?

// %% [markdown]
// ## 2.4a Which runtime functions does Delve hit, and how often?
//
// > The article: breakpoint hits: `runtime.sysAlloc` low, `runtime.(*mcache).allocLarge` medium,
// > `runtime.growWork` high, caused by GC marking.
//
// The lab counts hits of every function of those families (and their successors in newer Go)
// over a workload of map growth, large objects and slice growth, with the GC turned off by the
// probe, under Delve.

// %%
const counted = evidence.filter((x) => x.breakpoints);
// The workload each recording or run names (the same on every version), else the default one.
lab.showProgram(counted[0]?.breakpoints!.workload ?? lab.DEFAULT_WORKLOAD.map((c) => lab.parseCase(c)), { intro: "The Go program run under Delve" });

// %%
lab.showTable(lab.breakpointColumns(counted.map((e) => e.breakpoints!)), {
  caption: `Delve, GC off: hits over the whole run, and in brackets inside each of the program's probes in order (${counted.map((e) => `Go ${e.go}: Delve ${e.breakpoints!.delve.version}, ${e.source}`).join("; ")})`,
});
lab.showVerdict(verdicts, "2.4a");

// %% [markdown]
// **Takeaway.** `growWork` belongs to the map, not to the collector: while a classic map grows,
// each insert or delete moves (evacuates) a bucket or two from the old array to the new one, so
// it is hit as often as a growing map is written to. `sysAlloc` asks the operating system for
// memory, which the runtime does rarely and in large steps. Swiss maps (Go 1.24 on) grow one
// table at a time, all at once, with no incremental evacuation.
//
// **Exercise.** Which of the program's four probes makes the map grow? Check your answer against
// the "per case" column.

// %% [markdown]
// ## 2.5a Does the GC distort what is observed?
//
// > The article: GC distorts malloc observation: with `GOGC=off` the mean mallocgc latency drops
// > from 12.4 µs to 3.1 µs, and heap address reuse is over 92% against under 40%.
//
// The same benchmarks run with `GOGC=100` and `GOGC=off`, alternating, on every installed Go
// (recorded ones elsewhere). "ns per malloc" is the operation's time shared among its
// allocations, as a median with its 95% interval over the runs.

// %%
lab.showProgram(claims.filter((c) => c.id === "2.5a").flatMap((c) => (c.check.kind === "gcLatency" ? c.check.cases : [])).map((c) => lab.parseCase(c)), { benchtime: lab.GC_LATENCY_BENCHTIME });

// %%
// One row per GC setting, a column per Go version: ns per malloc, median [95% interval] over the runs.
const timed = evidence.filter((e) => e.gc);
const bySetting = new Map<string, Record<string, string | number>>();
for (const e of timed) {
  for (const s of lab.summarizeGcLatency(e.gc!)) bySetting.set(s.gc, { ...(bySetting.get(s.gc) ?? { GC: s.gc }), [`Go ${e.go}`]: `${lab.describeInterval(s.nsPerMalloc, "ns")}, ${s.nsPerMalloc.n} runs` });
}
lab.showTable(lab.aq.from([...bySetting.values()]), { caption: `ns per malloc, median [95% interval]; timings on a shared machine are noisy (${timed.map((e) => `Go ${e.go}: ${e.source}`).join("; ")})` });
lab.showVerdict(verdicts, "2.5a");

// %% [markdown]
// **Takeaway.** A malloc's fast path takes a free slot from a span the P already holds: no lock,
// no system call. With the GC on, an allocating goroutine is sometimes charged *assist* work for
// a running cycle, which adds to some calls; timings on a shared machine vary more than that.
// Compare intervals, never single figures.
//
// **Exercise.** Why does the lab share an operation's time among its allocations rather than time
// `mallocgc` itself? What would a breakpoint or a timer inside `mallocgc` do to the figure?

// %% [markdown]
// ## 2.5b What a `GODEBUG=gctrace=1` line says
//
// > The article reads `0.12 ms` as the mark phase and `4->4->2 MB` as the heap before, during and
// > after marking.
//
// Below: real trace lines from a benchmark run, parsed, and the runtime's own description of the
// fields, read from the installed Go's `runtime/extern.go`.

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
  lab.showMarkdown("No Go ran in this notebook (`live = false`, or no Go installed), so no trace was taken.");
}
lab.showVerdict(verdicts, "2.5b");

// %% [markdown]
// **Takeaway.** A gctrace line has three wall-clock times (stop-the-world sweep termination,
// concurrent mark and scan, stop-the-world mark termination) and three heap sizes (at the start
// of the cycle, at its end, and the live heap marked), then the goal. The runtime documents
// them in `runtime/extern.go`: read them there, for the version you run.
//
// **Exercise.** With Go installed and `live = true`, the trace above is real: which of the three
// times is the longest, and does the world stop during it?

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator predicts every run of this chapter; where the runtime is random it gives a
// range. Only the disagreements are listed.

// %%
lab.showBeside(store);
