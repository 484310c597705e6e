// %% [markdown]
// # Chapter 5 — The course summary
//
// The article's fifth chapter is about a government cloud and Kubernetes roll-outs: nothing in it
// is about Go's allocator, and nothing can be replicated. This chapter sums up the course instead:
// every claim of chapters 1–4 with its verdict per Go version, computed now; a written summary of
// what the article got right and wrong, generated from those verdicts; and the question the
// article circles around without answering it with numbers: for n items, a map or a slice?

// %% tags=["parameters"]
const versions = ["1.19", "1.26", "1.27"];
const live = true; // false: run no Go; use recorded datasets and the simulator (labelled)
const runs = 21;
const cache = true; // false: measure everything again (true reuses earlier results, labelled "cached")
const retime = false; // true: time look-ups and iteration again on installed Go (slow); false: the recorded timings

// %%
import * as lab from "../dist/kernel-helpers";

const claims = lab.loadClaims();
const store = await lab.observeWithProgress("Chapter 5", lab.claimExperiments(claims),
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
// ## What the article got right and wrong
//
// The summary below is written by the lab from the verdicts above, not by hand: first how many
// claims held on each Go version, then chapter by chapter each claim in one sentence, grouped by
// its verdict. A claim that holds on one Go version and not on another is listed once, with what
// each version did. Where a compound claim is partly right, the sentence names the parts that
// held and those that did not, and gives the measurement of the first that did not. Rerun the
// chapter on other Go versions, or with other evidence, and the summary is written again.

// %%
lab.showMarkdown(lab.claimsSummary(verdicts));

// %% [markdown]
// ## Map or slice? What holding n items costs
//
// The article shows how maps and slices allocate but never weighs one against the other. Here is
// that comparison, measured per Go version for n from 8 to 1,000,000 key/value pairs:
//
// - a **map**: `map[int]int`, with the size known up front (`make(map[int]int, n)`) or not
//   (`make(map[int]int)`, then n inserts);
// - a **slice** of the same pairs, `[]pair` with `type pair struct{ key, value int }`: with the
//   size known (`make([]pair, 0, n)`, then n appends) or not (a nil slice, then n appends).
//
// "Allocated" is every byte the program asked the allocator for while filling the collection
// (MemStats TotalAlloc), including the arrays a growing slice or map left behind: it is the work
// the allocator and the collector do, not what the collection holds at the end. Where Go is
// installed the counts are measured now (or read from the result cache); elsewhere they come from
// the recordings in `data/experiments`, with their date. Both axes are logarithmic.

// %%
const measured = await lab.observeMapOrSlice(store, { retime: retime });
const costs = lab.costPoints(measured.costs);
const costSource = lab.decisionSource(measured.costs);
await lab.showChart(lab.costChart(costs, { measure: "allocated", source: costSource }));
await lab.showChart(lab.costChart(costs, { measure: "mallocs", source: costSource }));

// %% [markdown]
// ## Map or slice? Finding one key, or visiting every element
//
// A map finds a key by hashing it; a slice has to be scanned until the key turns up (on average
// half of it). Going through every element is the other common use: a `for range` over the map
// or over the slice. The Go program below the charts was timed on each Go version: built once,
// optimized, as `go test -c`, then run repeatedly as fresh processes, all benchmarks in each run,
// so that a slow spell of the shared machine falls on every benchmark alike. The charts draw the
// median of the runs, and the shaded band around each line is the median's 95% interval (between
// two of the sorted runs, as benchstat computes it). Where two bands overlap, the measurement
// shows no difference.
//
// Timing every size on every Go version takes longer than the course's time budget, so the
// timings come from the recordings in `data/experiments` (each labelled with its Go version and
// date) unless you set `retime = true` above and run the chapter again on the installed Go
// versions.

// %%
const timings = lab.timingPoints(measured.timings);
const timingSource = lab.decisionSource(measured.timings, "timed");
await lab.showChart(lab.timingChart(timings, { task: "look-up", source: timingSource }));
await lab.showChart(lab.timingChart(timings, { task: "iterate", source: timingSource }));
lab.showMarkdown(["<details><summary>The Go program that was timed</summary>", "", "```go", lab.lookupProgram(lab.MAP_OR_SLICE_SIZES).trimEnd(), "```", "", "</details>"].join("\n"));

// %% [markdown]
// ## Takeaways: a decision guide
//
// Each answer below is worded by the lab from the curves above, per Go version: the size from
// which a map look-up beats a scan is read off the timings (only where the intervals do not
// overlap), and the costs of holding the pairs and of not knowing their number up front are read
// off the measured bytes and mallocs. Timings come from one shared machine, so treat their
// crossover as a size range rather than a constant; the allocation counts do not depend on the
// machine.

// %%
lab.showMarkdown(lab.decisionGuide(costs, timings));

// %% [markdown]
// **Exercise.** With Go installed, set `retime = true` and run the chapter again: does the size
// from which a map look-up beats a scan move on your machine, and do the allocation curves? Which
// of the two would you trust to hold on another computer, and why?
