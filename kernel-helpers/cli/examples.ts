/**
 * Every command's examples, printed at the end of its --help. Each is a command line that works
 * as written (test/cli/help.test.ts reads the cases in them and runs the predict ones).
 */
import type { Example } from "./help";
import type { CommandName } from "./summaries";

export const EXAMPLES: Record<CommandName | "cache info" | "cache clear", readonly Example[]> = {
  measure: [
    ["golab measure 'make(map[int]int, 1000)' --go 1.26", "a map with a size hint of 1000, on Go 1.26"],
    ["golab measure 'append([]int, 1000)' 'append(make([]int, 0, 1000), 1000)' --go 1.19,1.26,1.27", "1000 appends to a nil slice and to one made with room, one column per Go version"],
    ["golab measure 'insert(make(map[int]int, 64), 1000)' --runs 101", "1000 inserts: a hash-dependent count, shown as a distribution over 101 calls"],
    ["golab measure '_ = make([]byte, 33)' --go 1.27 --debug --json", "the article's discarding program in a -N -l build, as JSON"],
    ["golab measure 'make([]int, 1000)' --go 1.26,1.27 --format benchfmt > mallocs.txt", "Go benchmark format: `benchstat -col go mallocs.txt` compares the versions"],
    ["golab measure --code mine.go --go 1.19,1.26,1.27", "your own func probe() in mine.go (declarations, no package clause or main): allocations per Go version, escape decisions at your lines"],
    ["cat mine.go | golab measure --code - --json", "the same from standard input, as JSON"],
  ],
  predict: [
    ["golab predict 'make(map[int]int, 1000)' --go 1.19", "the simulator's answer, every allocation with its size class and rule"],
    ["golab predict 'insert(map[int]int, 1000)' --go 1.26 --brief", "the counts only; hash-dependent cases over many hash seeds"],
    ["golab predict 'append([]int, 1000)' --go 1.27 --debug --json", "a -N -l build, as JSON"],
  ],
  trace: [
    ["golab trace '_ = make(map[int]int, 1000)' --go 1.19 --debug", "every allocation under Delve: size, type, runtime caller, stack"],
    ["golab trace 'insert(map[int]int, 100)' --count", "the counts only, without stopping at each allocation (fast)"],
    ["golab trace --code mine.go --stack 12", "every allocation of your probe() with the line of mine.go that caused it, and a sum per line"],
    ["golab trace --experiment 2.4 --go 1.26", "the article's breakpoint hit counts (sysAlloc, allocLarge, growWork)"],
  ],
  claims: [
    ["golab claims", "every claim, judged on every installed Go version (recorded datasets stand in for the others)"],
    ["golab claims --recorded --brief", "verdicts from the recorded datasets only, no Go run"],
    ["golab claims --go 1.19 --json", "one version's verdicts as JSON"],
  ],
  record: [
    ["golab record --go 1.27", "measure the validation matrix again and write data/measurements/go1.27.x.jsonl"],
    ["golab record --go 1.19 --matrix objects", "new(T), channels, any(x) and closures: data/measurements/go1.19.8.objects.jsonl"],
    ["golab record --go 1.26 --debug --out /tmp/data --json", "the -N -l matrix into another folder; a JSON summary of what was written"],
    ["golab record --go 1.26 --matrix strings", "concatenation, conversions, append(s, t...), slices.Grow, Builder, Buffer: data/measurements/go1.26.8.strings.jsonl"],
    ["golab record --go 1.19 --matrix maps", "delete then re-insert, clear(m), maps.Clone (1.21 and later): data/measurements/go1.19.8.maps.jsonl"],
    ["golab record --experiments --go 1.19", "the live-only experiments (Delve hit counts, GC, churn, pprof, map or slice, chapter 6's code)"],
    ["golab record --experiments --go 1.26 --only map-or-slice-timings", "time chapter 5's look-ups again; the file's other experiments kept"],
    ["golab record --experiments --go 1.19 --only own-code", "chapter 6's programs, measured and traced; the file's other experiments kept"],
  ],
  run: [
    ["golab run notebooks/ch1.ipynb --set hint=5000", "chapter 1 headless, with another size hint"],
    ["golab run notebooks/ch2.ipynb --set live=false --out /tmp/ch2.ipynb --html /tmp/ch2.html", "no Go run; the executed notebook and its HTML"],
  ],
  lab: [
    ["golab lab", "JupyterLab on working copies of the chapters"],
    ["golab lab notebooks/ch3.ipynb --port 8888 --no-browser", "one chapter on a fixed port, printing the URL"],
  ],
  export: [
    ["golab export", "the whole course into course/"],
    ["golab export --set live=false --out /tmp/course --json", "simulator and recorded data only; a JSON summary of the pages"],
    ["golab export --only ch2 --show-code", "one chapter, with every code cell shown"],
  ],
  cache: [
    ["golab cache info", "where the cache is and what it holds"],
    ["golab cache clear", "empty it (results are measured again when needed)"],
  ],
  "cache info": [["golab cache info --json", "the summary as JSON"]],
  "cache clear": [["golab cache clear", "remove every cached result and built probe"]],
};

/** Commands that read cases: their help ends with the case schema. */
export const CASE_COMMANDS: readonly CommandName[] = ["measure", "predict", "trace"];
