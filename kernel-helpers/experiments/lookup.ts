/**
 * Chapter 5's timing question: finding one key, and visiting every element, in a map[int]int
 * against a slice of key/value pairs searched from the start. A fixed `go test` program (only
 * validated sizes reach it) is built once, optimized, and run several times as fresh processes, all
 * benchmarks in each run, so that a slow spell of a shared machine falls on every benchmark.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError, InputError } from "../errors";
import { findToolchain, languageVersion } from "../go";
import { runProcess, withTempDir } from "../proc";

export type LookupTask = "look-up" | "iterate";
export type Structure = "map" | "slice";

/** One benchmark of one run: ns for one operation (one look-up, or one pass over all n elements). */
export interface LookupTimingRow {
  go: string;
  n: number;
  task: LookupTask;
  structure: Structure;
  /** Which repetition (0-based): each is its own process. */
  run: number;
  nsPerOp: number;
}

export interface LookupOptions {
  go?: string;
  /** Element counts, ascending (1 to 1,000,000). */
  sizes: readonly number[];
  /** Repetitions (fresh processes); 6 at least give a 95% interval of the median. */
  runs: number;
  /** -test.benchtime of each benchmark, e.g. "10ms". */
  benchtime: string;
}

/** -test.benchtime of each benchmark: ten milliseconds is thousands of look-ups, and one pass over a million-entry map. */
export const LOOKUP_BENCHTIME = "10ms";

/** Largest element count timed: a linear scan of more is minutes of benchmark. */
export const MAX_LOOKUP_SIZE = 1_000_000;

/** The sizes, checked: whole, ascending, 1 to MAX_LOOKUP_SIZE, at most 32 of them. */
export function checkSizes(sizes: readonly number[], max = MAX_LOOKUP_SIZE): number[] {
  if (sizes.length === 0 || sizes.length > 32) throw new InputError(`sizes must hold 1 to 32 element counts, not ${sizes.length}`, JSON.stringify(sizes));
  sizes.forEach((n, i) => {
    if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new InputError(`sizes[${i}] must be a whole number from 1 to ${max}, not ${n}`, String(n));
    if (i > 0 && n <= sizes[i - 1]) throw new InputError(`sizes must be ascending: ${sizes[i - 1]} then ${n}`, JSON.stringify(sizes));
  });
  return [...sizes];
}

/** The benchmark program: the same collections for every benchmark, built once per process. */
export function lookupProgram(sizes: readonly number[]): string {
  return `package main

import (
	"strconv"
	"testing"
)

var sizes = []int{${checkSizes(sizes).join(", ")}}

type pair struct{ key, value int }

var sink int

// shuffled is 0..n-1 in a fixed pseudo-random order (an LCG): every run sees the same order.
func shuffled(n int, seed uint64) []int {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i
	}
	s := seed
	for i := n - 1; i > 0; i-- {
		s = s*6364136223846793005 + 1442695040888963407
		j := int((s >> 33) % uint64(i+1))
		xs[i], xs[j] = xs[j], xs[i]
	}
	return xs
}

type collection struct {
	m    map[int]int
	s    []pair
	keys []int
}

var built = map[int]collection{}

// of holds n keys in a map and, in another order, in a slice; keys is a third order to look them up in.
func of(n int) collection {
	if c, ok := built[n]; ok {
		return c
	}
	c := collection{m: make(map[int]int, n), s: make([]pair, 0, n), keys: shuffled(n, 2)}
	for _, k := range shuffled(n, 1) {
		c.m[k] = k
		c.s = append(c.s, pair{k, k})
	}
	built[n] = c
	return c
}

// The four benchmarks are written out in full, alike on purpose: a shared helper taking the
// operation as a func would put an indirect call inside every timed loop.

func BenchmarkLookupMap(b *testing.B) {
	for _, n := range sizes {
		c := of(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sum, j := 0, 0
			for i := 0; i < b.N; i++ {
				sum += c.m[c.keys[j]]
				if j++; j == n {
					j = 0
				}
			}
			sink = sum
		})
	}
}

func BenchmarkLookupSlice(b *testing.B) {
	for _, n := range sizes {
		c := of(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sum, j := 0, 0
			for i := 0; i < b.N; i++ {
				k := c.keys[j]
				for _, p := range c.s {
					if p.key == k {
						sum += p.value
						break
					}
				}
				if j++; j == n {
					j = 0
				}
			}
			sink = sum
		})
	}
}

func BenchmarkIterateMap(b *testing.B) {
	for _, n := range sizes {
		c := of(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sum := 0
			for i := 0; i < b.N; i++ {
				for _, v := range c.m {
					sum += v
				}
			}
			sink = sum
		})
	}
}

func BenchmarkIterateSlice(b *testing.B) {
	for _, n := range sizes {
		c := of(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sum := 0
			for i := 0; i < b.N; i++ {
				for _, p := range c.s {
					sum += p.value
				}
			}
			sink = sum
		})
	}
}
`;
}

const LINE = /^Benchmark(Lookup|Iterate)(Map|Slice)\/(\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns\/op/gm;

/** The benchmark lines of one run's output, as rows. */
export function parseLookupOutput(output: string, go: string, run: number): LookupTimingRow[] {
  return [...output.matchAll(LINE)].map((m) => ({
    go, run, n: Number(m[3]), task: m[1] === "Lookup" ? "look-up" : "iterate", structure: m[2] === "Map" ? "map" : "slice", nsPerOp: Number(m[4]),
  }));
}

/** Builds the program once (optimized) and runs every benchmark `runs` times. */
export async function lookupTimings({ go, sizes, runs, benchtime }: LookupOptions): Promise<LookupTimingRow[]> {
  const checked = checkSizes(sizes);
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > 100) throw new InputError(`runs must be a whole number from 1 to 100, not ${runs}`, String(runs));
  if (!/^\d{1,5}ms$/.test(benchtime)) throw new InputError(`invalid benchtime ${JSON.stringify(benchtime)}: use e.g. 10ms`, benchtime);
  const tc = await findToolchain(go);
  return withTempDir("lookup", async (dir) => {
    fs.writeFileSync(path.join(dir, "main.go"), "package main\n\nfunc main() {}\n");
    fs.writeFileSync(path.join(dir, "lookup_test.go"), lookupProgram(checked));
    fs.writeFileSync(path.join(dir, "go.mod"), `module lookup\n\ngo ${languageVersion(tc.version)}\n`);
    const env = { ...tc.env, GOTMPDIR: dir };
    await runProcess(tc.goBinary, ["test", "-c", "-o", "lookup.test", "."], { cwd: dir, env, timeoutMs: 300_000 });
    const rows: LookupTimingRow[] = [];
    for (let run = 0; run < runs; run++) {
      const { stdout } = await runProcess(path.join(dir, "lookup.test"), ["-test.run", "^$", "-test.bench", ".", `-test.benchtime=${benchtime}`, "-test.count=1"], { cwd: dir, env, timeoutMs: 600_000 });
      const mine = parseLookupOutput(stdout, tc.version, run);
      if (mine.length !== checked.length * 4) throw new GolabError(`the look-up benchmarks reported ${mine.length} of ${checked.length * 4} results:\n${stdout.slice(-500)}`);
      rows.push(...mine);
    }
    return rows;
  });
}
