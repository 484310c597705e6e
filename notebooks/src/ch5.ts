// %% [markdown]
// # Chapter 5 — The course summary
//
// The article's fifth chapter is about a government cloud and Kubernetes roll-outs: nothing in it
// is about Go's allocator, and nothing can be replicated. This chapter sums up the course instead:
// every claim of chapters 1–4 with its verdict per Go version, computed now, and a map-versus-slice
// decision table computed from measurements.

// %% tags=["parameters"]
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const sizes = [8, 64, 1000, 10000]; // how many int elements the collection holds
const runs = 21;
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims();
const collections = sizes.flatMap((k) => [
  { what: "map[int]int", how: "no hint", case: lab.parseCase({ op: "mapinsert", key: "int", elem: "int", n: k }) },
  { what: "map[int]int", how: "hint n", case: lab.parseCase({ op: "mapinsert", key: "int", elem: "int", n: k, hint: k }) },
  { what: "[]int", how: "append to nil", case: lab.parseCase({ op: "append", elem: "int", n: k, start: "nil" }) },
  { what: "[]int", how: "cap n", case: lab.parseCase({ op: "append", elem: "int", n: k, start: "make", len: 0, cap: k }) },
]);
const store = await lab.observeWithProgress("Chapter 5", [...lab.claimExperiments(claims), ...lab.optimized(collections.map((c) => c.case))],
  { versions: versions, live: live, runs: runs, cache: cache });
const verdicts = await lab.decideClaims(claims, store);

// %% [markdown]
// ## Every claim, every version

// %%
const colors = {
  confirmed: "#4c9a2a", "partly true": "#e0a526", refuted: "#c0392b", inconclusive: "#8e7cc3",
  "cannot be tested here": "#7f8c8d", "no experiment yet": "#bdc3c7", "no evidence": "#ecf0f1",
};
await lab.showChart(lab.matrix(lab.verdictRows(verdicts).map((r) => ({ claim: r.claim, go: `Go ${r.go}`, verdict: r.verdict })),
  { x: "go", y: "claim", value: "verdict", title: "The article's claims, tested per Go version", source: store.caption(), colors: colors }));
lab.showTable(lab.verdictsTable(verdicts), { caption: `Verdicts computed from the evidence (${store.caption()})` });
lab.showTable(lab.verdictPartsTable(verdicts), { caption: "Compound claims, part by part: a claim is partly true when some of its parts hold" });

// %% [markdown]
// ## Map or slice?
//
// For each size, what holding that many `int`s costs in allocations and bytes, measured. The
// cheapest way in bytes is marked; a map buys lookup by key, which the slice does not offer.

// %%
const decision = store.versions.flatMap((v) => sizes.map((k) => {
  const rows = collections.filter((c) => "n" in c.case && c.case.n === k)
    .map((c) => ({ way: `${c.what}, ${c.how}`, r: store.select([c.case], { versions: [v.spec] })[0]?.result }));
  const least = Math.min(...rows.map((x) => x.r?.allocatedBytes ?? Infinity));
  return {
    go: v.go, elements: k,
    ...Object.fromEntries(rows.map((x) => [x.way, x.r ? `${x.r.mallocs} malloc${x.r.mallocs === 1 ? "" : "s"}, ${x.r.allocatedBytes} B` : "—"])),
    cheapest: rows.filter((x) => x.r?.allocatedBytes === least).map((x) => x.way).join(" or "),
  };
}));
lab.showTable(lab.aq.from(decision), { caption: `Holding n ints: allocations and bytes per way (${store.caption(store.select(collections.map((c) => c.case)))})` });
