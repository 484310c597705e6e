// %% [markdown]
// # Chapter 3 — Maps and slices: escape, growth, values and pointers
//
// The article's third chapter compares how maps and slices are laid out: which of them escape to
// the heap, when each allocates as it grows, and what storing pointers instead of values costs.
// This chapter takes its three claims one at a time, as lessons: the claim, the Go program the
// lab measured, the result on every Go version, the verdict and why, then what to remember. The
// escape decisions are the compiler's own (`-gcflags=-m`), read from the builds that were
// measured; the growth curves are one measured call per point. Change the parameters and run all
// cells again.

// %% tags=["parameters"]
const maxN = 1000; // growth curves run from 0 to maxN
const points = 12; // points per curve
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21;
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims().filter((c) => c.chapter === 3);
const ofClaim = (id: string) => lab.claimExperiments(claims.filter((c) => c.id === id));
const ns = [...new Set(Array.from({ length: points }, (_, i) => Math.round((maxN * i) / (points - 1))))];
const escapes = ["make(map[int]int)", "make(map[int]int, 8)", "make(map[int]int, 100)", "make([]int, 10)", "make([]int, 10000)"]
  .flatMap((t) => ["heap", "stack"].map((e) => lab.parseCase(t, { escape: e as lab.Escape })));
const mapCurve = ns.map((n) => lab.parseCase({ op: "mapinsert", key: "int", elem: "int", n: n }));
const pointerCurve = ns.map((n) => lab.parseCase({ op: "mapinsert", key: "int", elem: "*int", n: n, freshElem: true }));
const sliceCurve = ns.map((n) => lab.parseCase({ op: "append", elem: "int", n: n, start: "nil" }));
const experiments = [...lab.optimized([...escapes, ...mapCurve, ...pointerCurve, ...sliceCurve]), ...lab.claimExperiments(claims)];
const store = await lab.observeWithProgress("Chapter 3", experiments, { versions: versions, live: live, runs: runs, cache: cache });
const verdicts = await lab.decideClaims(claims, store);
const results = (wanted: (lab.Case | lab.Experiment)[], what: string, cell?: lab.CellText) =>
  lab.showByVersion(store.select(wanted), { caption: `${what} (${store.caption(store.select(wanted))})`, cell: cell });
// The growth curves, one row per point and series, for the charts of lessons 3.2a and 3.3a.
const curveRows = (cases: lab.Case[], what: string) => store.select(cases).map(({ result: r }) => ({
  n: "n" in r.case ? r.case.n : 0, mallocs: r.mallocs, bytes: r.allocatedBytes, series: what, go: `Go ${r.go}`,
}));
const curves = [...curveRows(mapCurve, "map[int]int"), ...curveRows(pointerCurve, "map[int]*int"), ...curveRows(sliceCurve, "[]int append")];
const curvesSource = store.caption(store.select([...mapCurve, ...pointerCurve, ...sliceCurve]));

// %% [markdown]
// ## 3.1a Which escapes: the map or the slice?
//
// > The article: a map almost always escapes and is heap allocated, while a slice header never
// > escapes unless its address is taken.
//
// Each `make` twice: its result kept in a package-level variable (`heap` in the table), and used
// only inside the function (`stack`). The claim's own programs are among them.

// %%
lab.showProgram([...lab.optimized(escapes), ...ofClaim("3.1a")]);

// %%
const decided = store.select([...lab.optimized(escapes), ...ofClaim("3.1a")], { simulated: false });
lab.showByVersion(decided, { cell: lab.escapeCell, caption: `The compiler's escape decision on each make, and the mallocs (${store.caption(decided)})` });
lab.showVerdict(verdicts, "3.1a");

// %% [markdown]
// **Takeaway.** Escape analysis treats maps and slices alike: a value escapes when it may
// outlive the function (stored in a package-level variable, returned, sent, captured by a
// closure that escapes), or when it is too large or of unknown size for the frame. A map used
// only locally lives in the frame like a slice; only its larger bucket arrays or tables go to the
// heap. Being "a map" or "a slice" is never the reason.
//
// **Exercise.** Write a function that returns `make([]int, 10)` and one that returns
// `make(map[int]int)`, build them with `go build -gcflags=-m`, and read the compiler's reasons.
// Then make the slice's length a parameter of the function: what changes?

// %% [markdown]
// ## 3.2a The load factor, and what is allocated at `make`
//
// > The article: the map load factor is about 6.5 entries per bucket; a map allocates its buckets
// > at init while `make([]T, 0)` need not allocate.

// %%
lab.showProgram(ofClaim("3.2a"));

// %%
results(ofClaim("3.2a"), "The claim's programs: mallocs and bytes taken");
await lab.showChart(lab.growthLines(curves, { x: "n", y: "mallocs", color: "series", panel: "go", title: "mallocs against n", source: curvesSource }));
lab.showVerdict(verdicts, "3.2a");

// %% [markdown]
// **Takeaway.** Go 1.19 grows a map when an insert would take the average count per bucket over
// 6.5 (`loadFactorNum / loadFactorDen` in `runtime/map.go`), so its steps fall where the count
// passes 6.5 × 2^B. Swiss maps fill their tables up to 7/8 of the slots before they grow. Either
// way, a map made without a hint allocates nothing for entries until the first insert, as a
// slice made with length 0 allocates nothing until the first append.
//
// **Exercise.** Set `maxN = 30` and `points = 31` and run all cells again: at which n does the
// `map[int]int` curve step on each version? Compare with 6.5 × 2^B and with 7/8 of a table's slots.

// %% [markdown]
// ## 3.3a Values against pointers
//
// > The article: `map[int]int` values live in the bucket (no extra allocation per insert);
// > `map[int]*int` costs at least 1 allocation per insert.

// %%
lab.showProgram(ofClaim("3.3a"));

// %%
results(ofClaim("3.3a"), "The claim's programs: mallocs and bytes taken");
await lab.showChart(lab.growthLines(curves, { x: "n", y: "bytes", color: "series", panel: "go", title: "bytes allocated against n", source: curvesSource }));
lab.showVerdict(verdicts, "3.3a");

// %% [markdown]
// **Takeaway.** A map stores its keys and values inside its buckets or groups: storing a value
// costs nothing beyond the map's own growth. Storing a pointer costs whatever made the pointee:
// here one `new(int)` per insert, which the runtime serves from the tiny allocator (an `int`
// holds no pointers and is under 16 B), so two of them share a 16-byte block. Pointers also give
// the garbage collector more to scan.
//
// **Exercise.** In a terminal, run `npx golab measure '{"op":"mapinsert","key":"int","elem":"*int","n":100,"freshElem":true}' --go 1.26`
// and read the tiny allocations column. Then try `"elem":"*[4]int"`: why does the count of
// tiny allocations fall to zero?

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator predicts every run of this chapter; where the runtime is random it gives a
// range. Only the disagreements are listed.

// %%
lab.showBeside(store);
