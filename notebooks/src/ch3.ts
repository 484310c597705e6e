// %% [markdown]
// # Chapter 3 — Maps and slices: escape, growth, values and pointers
//
// | claim | the article says |
// |---|---|
// | 3.1a | a slice header never escapes unless its address is taken; a map "almost always" escapes and is heap allocated |
// | 3.2a | the map load factor is about 6.5; a map allocates its buckets at init while `make([]T, 0)` need not allocate |
// | 3.3a | `map[int]int` values live in the bucket (0 extra allocations per insert); `map[int]*int` costs ≥1 allocation per insert |
//
// The escape decisions below are the compiler's own (`-gcflags=-m`), read from the builds that
// are measured; the growth curves are one measured call per point.

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
const ns = [...new Set(Array.from({ length: points }, (_, i) => Math.round((maxN * i) / (points - 1))))];
const escapes = ["make(map[int]int)", "make(map[int]int, 8)", "make(map[int]int, 100)", "make([]int, 10)", "make([]int, 10000)"]
  .flatMap((t) => ["heap", "stack"].map((e) => lab.parseCase(t, { escape: e as lab.Escape })));
const mapCurve = ns.map((n) => lab.parseCase({ op: "mapinsert", key: "int", elem: "int", n: n }));
const pointerCurve = ns.map((n) => lab.parseCase({ op: "mapinsert", key: "int", elem: "*int", n: n, freshElem: true }));
const sliceCurve = ns.map((n) => lab.parseCase({ op: "append", elem: "int", n: n, start: "nil" }));
const experiments = [...lab.optimized([...escapes, ...mapCurve, ...pointerCurve, ...sliceCurve]), ...lab.claimExperiments(claims)];
const store = await lab.observeWithProgress("Chapter 3", experiments, { versions: versions, live: live, runs: runs, cache: cache });

// %% [markdown]
// ## Escape decisions
//
// `heap` stores the result in a package-level variable; `stack` only uses it inside the function.

// %%
const escaped = store.select(escapes, { simulated: false });
lab.showTable(lab.escapeTable(escaped), { caption: `The compiler's escape analysis and what was allocated (${store.caption(escaped)})` });

// %% [markdown]
// ## Growth curves
//
// Mallocs and bytes after n inserts into a `map[int]int`, n fresh pointers into a `map[int]*int`,
// and n appends to a nil `[]int`.

// %%
const curveRows = (cases: lab.Case[], what: string) => store.select(cases).map(({ result: r }) => ({
  n: "n" in r.case ? r.case.n : 0, mallocs: r.mallocs, bytes: r.allocatedBytes, series: what, go: `Go ${r.go}`,
}));
const rows = [...curveRows(mapCurve, "map[int]int"), ...curveRows(pointerCurve, "map[int]*int"), ...curveRows(sliceCurve, "[]int append")];
const curves = store.caption(store.select([...mapCurve, ...pointerCurve, ...sliceCurve]));
await lab.showChart(lab.growthLines(rows, { x: "n", y: "mallocs", color: "series", panel: "go", title: "mallocs against n", source: curves }));
await lab.showChart(lab.growthLines(rows, { x: "n", y: "bytes", color: "series", panel: "go", title: "bytes allocated against n", source: curves }));

// %% [markdown]
// ## The simulator beside the runtime
//
// The lab's simulator models each Go version's allocator and compiler from their source. Here it
// predicts every run above; where the runtime is random it gives a range.

// %%
lab.showBeside(store);

// %% [markdown]
// ## Verdicts

// %%
lab.showVerdicts(await lab.decideClaims(claims, store));
