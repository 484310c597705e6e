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

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims();
const collections = sizes.flatMap((k) => [
  { what: "map[int]int", how: "no hint", case: lab.parseCase({ op: "mapinsert", key: "int", elem: "int", n: k }) },
  { what: "map[int]int", how: `hint ${k}`, case: lab.parseCase({ op: "mapinsert", key: "int", elem: "int", n: k, hint: k }) },
  { what: "[]int", how: "append to nil", case: lab.parseCase({ op: "append", elem: "int", n: k, start: "nil" }) },
  { what: "[]int", how: `cap ${k}`, case: lab.parseCase({ op: "append", elem: "int", n: k, start: "make", len: 0, cap: k }) },
]);
const progress = lab.progress("Chapter 5");
const across = await lab.measureAcross([...lab.claimExperiments(claims), ...collections.map((c) => ({ case: c.case, debug: false }))],
  { versions: versions, live: live, runs: runs, onProgress: (m) => progress.update(m) });
const source = across.map((v) => `Go ${v.go}: ${v.source}`).join("; ");
const verdicts = lab.computeVerdicts(claims, await lab.withLiveExperiments(claims, across, (m) => progress.update(m)));
progress.done();

// %% [markdown]
// ## Every claim, every version

// %%
const colors = {
  confirmed: "#4c9a2a", refuted: "#c0392b", "cannot be tested here": "#7f8c8d", "no experiment yet": "#bdc3c7", "no evidence": "#ecf0f1",
};
await lab.showChart(lab.matrix(lab.verdictRows(verdicts).map((r) => ({ claim: r.claim, go: `Go ${r.go}`, verdict: r.verdict })),
  { x: "go", y: "claim", value: "verdict", title: "The article's claims, tested per Go version", source: source, colors: colors }));
lab.showTable(lab.verdictsTable(verdicts), { caption: `Verdicts computed just now (${source})` });

// %% [markdown]
// ## Map or slice?
//
// For each size, what holding that many `int`s costs in allocations and bytes, measured. The
// cheapest way in bytes is marked; a map buys lookup by key, which the slice does not offer.

// %%
const decision = lab.withSimulated(across).flatMap((v) => sizes.map((k) => {
  const rows = collections.filter((c) => ("n" in c.case ? c.case.n : 0) === k).map((c) => {
    const r = [...v.results, ...v.simulated].find((x) => !x.build.debug && JSON.stringify(x.case) === JSON.stringify(c.case));
    return { way: `${c.what}, ${c.how}`, mallocs: r ? r.mallocs : NaN, bytes: r ? r.allocatedBytes : NaN };
  });
  const least = Math.min(...rows.map((r) => r.bytes));
  const cell = (r: { mallocs: number; bytes: number }) => `${r.mallocs} malloc${r.mallocs === 1 ? "" : "s"}, ${r.bytes} B`;
  return {
    go: v.go, elements: k,
    ...Object.fromEntries(rows.map((r) => [r.way.replace(/ \d+$/, " n"), cell(r)])),
    cheapest: rows.filter((r) => r.bytes === least).map((r) => r.way.replace(/ \d+$/, " n")).join(" or "),
  };
}));
lab.showTable(lab.aq.from(decision), { caption: `Holding n ints: allocations and bytes per way (${source})` });
