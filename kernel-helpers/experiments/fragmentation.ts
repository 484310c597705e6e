/**
 * Chapter 4.3: what a long-running program's churn does to the heap. A fixed Go program keeps a
 * working set of slices (of varied sizes) or of maps (of varied entry counts), replaces random
 * members for a while, and samples runtime/metrics as it goes: bytes in objects, bytes reserved
 * for objects but unused (free slots in spans), free pages kept (free address space between
 * spans), and, where the version has them, live and scannable heap bytes and GC cycles.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError, InputError } from "../errors";
import { findToolchain } from "../go";
import { runProcess, withTempDir } from "../proc";

export type Workload = "slices" | "maps";

/** The metrics sampled, by short name; a version without one reports null for it. */
export const FRAGMENTATION_METRICS = {
  objects: "/memory/classes/heap/objects:bytes",
  unused: "/memory/classes/heap/unused:bytes",
  free: "/memory/classes/heap/free:bytes",
  released: "/memory/classes/heap/released:bytes",
  live: "/gc/heap/live:bytes",
  scanHeap: "/gc/scan/heap:bytes",
  gcCycles: "/gc/cycles/total:gc-cycles",
} as const;

export type MetricName = keyof typeof FRAGMENTATION_METRICS;

export interface FragmentationSample {
  go: string;
  workload: Workload;
  seconds: number;
  values: Record<MetricName, number | null>;
}

export interface FragmentationOptions {
  go?: string;
  /** How long each workload churns. Default FRAGMENTATION_SECONDS. */
  seconds?: number;
  /** Sampling period. Default 100 ms. */
  sampleMs?: number;
  /** Requested bytes the working set holds. Default 64 MiB. */
  workingSetBytes?: number;
  /**
   * Churn the two workloads side by side, one process each (default), rather than one after the
   * other: half the wait. Each is its own process with its own heap, and what is read is how
   * memory is laid out, not how fast, so on a 2-core machine neither changes the other's figures
   * (each run's stability check still says whether its halves agree).
   */
  together?: boolean;
}

/**
 * Seconds each workload churns by default: long enough that the means over the first and second
 * half of the run agree within STABILITY_TOLERANCE on this lab's machine (fragmentationStability
 * checks it on every run rather than trusting this).
 */
export const FRAGMENTATION_SECONDS = 20;

/** Largest relative difference allowed between the two halves' figures for a run to count as stable. */
export const STABILITY_TOLERANCE = 0.35;

/** The churn's settings when a caller gives none: how long, how often it samples, how many bytes it keeps. */
export const FRAGMENTATION_DEFAULTS: Readonly<{ seconds: number; sampleMs: number; workingSetBytes: number }> = { seconds: FRAGMENTATION_SECONDS, sampleMs: 100, workingSetBytes: 64 << 20 };

/** How the program is built and run (one process per workload), as the chapter shows it beside the program. */
export function fragmentationCommands({ seconds, sampleMs, workingSetBytes } = FRAGMENTATION_DEFAULTS): string[] {
  return ["go build -o prog .", ...(["slices", "maps"] as const).map((w) => `./prog ${w} ${seconds} ${sampleMs} ${workingSetBytes}`)];
}

/** The Go program each workload churns in: its argument is the workload, then seconds, sampling period (ms) and bytes to keep. */
export function fragmentationProgram(): string {
  const names = Object.values(FRAGMENTATION_METRICS).map((n) => JSON.stringify(n)).join(", ");
  return `package main

import (
	"bufio"
	"math/rand"
	"os"
	"runtime/metrics"
	"strconv"
	"time"
)

var names = []string{${names}}

var slices [][]byte
var maps []map[int]int

func main() {
	workload := os.Args[1]
	seconds, _ := strconv.Atoi(os.Args[2])
	sampleMs, _ := strconv.Atoi(os.Args[3])
	target, _ := strconv.Atoi(os.Args[4])
	supported := map[string]bool{}
	for _, d := range metrics.All() {
		supported[d.Name] = true
	}
	samples := make([]metrics.Sample, 0, len(names))
	for _, n := range names {
		if supported[n] {
			samples = append(samples, metrics.Sample{Name: n})
		}
	}
	rng := rand.New(rand.NewSource(1))
	// Slices of 1 KiB to 64 KiB (mean about 32 KiB); maps of 1 to 512 int entries (about 4 KiB of payload).
	newSlice := func() []byte { return make([]byte, 1024+rng.Intn(63*1024)) }
	newMap := func() map[int]int {
		m := make(map[int]int)
		for i, n := 0, 1+rng.Intn(512); i < n; i++ {
			m[i] = i
		}
		return m
	}
	if workload == "slices" {
		slices = make([][]byte, target/(32*1024))
		for i := range slices {
			slices[i] = newSlice()
		}
	} else {
		maps = make([]map[int]int, target/(4*1024))
		for i := range maps {
			maps[i] = newMap()
		}
	}
	out := bufio.NewWriter(os.Stdout)
	start := time.Now()
	next := time.Duration(0)
	for time.Since(start) < time.Duration(seconds)*time.Second {
		for i := 0; i < 64; i++ {
			if workload == "slices" {
				slices[rng.Intn(len(slices))] = newSlice()
			} else {
				maps[rng.Intn(len(maps))] = newMap()
			}
		}
		if elapsed := time.Since(start); elapsed >= next {
			next += time.Duration(sampleMs) * time.Millisecond
			metrics.Read(samples)
			out.WriteString("S " + strconv.FormatFloat(elapsed.Seconds(), 'f', 3, 64))
			for _, s := range samples {
				out.WriteString(" " + s.Name + "=" + strconv.FormatUint(s.Value.Uint64(), 10))
			}
			out.WriteString("\\n")
		}
	}
	out.WriteString("END\\n")
	out.Flush()
}
`;
}

function whole(name: string, v: number, min: number, max: number): number {
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new InputError(`${name} must be a whole number from ${min} to ${max}, not ${v}`, String(v));
  return v;
}

/** Runs both workloads on one Go version and returns their time series. */
export async function fragmentation({ go, seconds = FRAGMENTATION_DEFAULTS.seconds, sampleMs = FRAGMENTATION_DEFAULTS.sampleMs, workingSetBytes = FRAGMENTATION_DEFAULTS.workingSetBytes, together = true }: FragmentationOptions = {}): Promise<FragmentationSample[]> {
  whole("seconds", seconds, 1, 600);
  whole("sampleMs", sampleMs, 10, 60_000);
  whole("workingSetBytes", workingSetBytes, 1 << 20, 1 << 30);
  const tc = await findToolchain(go);
  return withTempDir("frag", async (dir) => {
    fs.writeFileSync(path.join(dir, "main.go"), fragmentationProgram());
    fs.writeFileSync(path.join(dir, "go.mod"), `module fragmentation\n\ngo ${tc.version.split(".").slice(0, 2).join(".")}\n`);
    await runProcess(tc.goBinary, fragmentationCommands()[0].split(" ").slice(1), { cwd: dir, env: { ...tc.env, GOTMPDIR: dir }, timeoutMs: 300_000 });
    const churn = async (workload: Workload) => {
      const { stdout } = await runProcess(path.join(dir, "prog"), [workload, String(seconds), String(sampleMs), String(workingSetBytes)], { cwd: dir, env: tc.env, timeoutMs: (seconds + 60) * 1000 });
      return parseSamples(stdout, tc.version, workload);
    };
    const workloads = ["slices", "maps"] as const;
    if (together) return (await Promise.all(workloads.map(churn))).flat();
    const samples: FragmentationSample[] = [];
    for (const workload of workloads) samples.push(...(await churn(workload)));
    return samples;
  });
}

/** Reads the program's `S <seconds> name=value ...` lines; refuses anything else. */
export function parseSamples(stdout: string, go: string, workload: Workload): FragmentationSample[] {
  const byMetric = Object.fromEntries(Object.entries(FRAGMENTATION_METRICS).map(([k, v]) => [v, k])) as Record<string, MetricName>;
  const lines = stdout.trim().split("\n");
  if (lines[lines.length - 1] !== "END") throw new GolabError(`the fragmentation program did not finish its output (${workload}, Go ${go})`);
  return lines.slice(0, -1).map((line) => {
    const [tag, t, ...pairs] = line.split(" ");
    if (tag !== "S" || Number.isNaN(Number(t))) throw new GolabError(`unreadable fragmentation sample: ${JSON.stringify(line.slice(0, 120))}`);
    const values = Object.fromEntries(Object.keys(FRAGMENTATION_METRICS).map((k) => [k, null])) as Record<MetricName, number | null>;
    for (const p of pairs) {
      const [name, v] = p.split("=");
      if (!(name in byMetric) || !/^\d+$/.test(v)) throw new GolabError(`unreadable fragmentation sample: ${JSON.stringify(p)}`);
      values[byMetric[name]] = Number(v);
    }
    return { go, workload, seconds: Number(t), values };
  });
}

export interface FragmentationSummary {
  go: string;
  workload: Workload;
  /** Mean over the samples of unused/objects: free slots inside spans, per object byte. */
  unusedPerObjectByte: number;
  /** Mean of free/objects: free pages kept between spans, per object byte. */
  freePerObjectByte: number;
  /** Mean of scanHeap/live, where the version reports both; else null. */
  scanPerLiveByte: number | null;
  gcCycles: number | null;
}

/** Means of the ratios, per version and workload. */
export function summarizeFragmentation(samples: readonly FragmentationSample[]): FragmentationSummary[] {
  const groups = new Map<string, FragmentationSample[]>();
  for (const s of samples) groups.set(`${s.go} ${s.workload}`, [...(groups.get(`${s.go} ${s.workload}`) ?? []), s]);
  return [...groups.values()].map((g) => {
    const mean = (f: (s: FragmentationSample) => number | null) => {
      const xs = g.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    };
    const ratio = (a: MetricName, b: MetricName) => (s: FragmentationSample) => (s.values[a] !== null && s.values[b] ? s.values[a]! / s.values[b]! : null);
    return {
      go: g[0].go, workload: g[0].workload,
      unusedPerObjectByte: mean(ratio("unused", "objects")) ?? NaN,
      freePerObjectByte: mean(ratio("free", "objects")) ?? NaN,
      scanPerLiveByte: mean(ratio("scanHeap", "live")),
      gcCycles: g[g.length - 1].values.gcCycles,
    };
  });
}

/** The figures a verdict reads, per workload: of the whole run and of each half. */
export interface FragmentationStability {
  workload: Workload;
  seconds: number;
  whole: FragmentationSummary;
  firstHalf: FragmentationSummary;
  secondHalf: FragmentationSummary;
  /** Per figure, |first − second| / max(|first|, |second|); null where the version lacks it. */
  differences: Record<"unusedPerObjectByte" | "freePerObjectByte" | "scanPerLiveByte", number | null>;
  /** Every difference is within the tolerance. */
  stable: boolean;
  tolerance: number;
}

const FIGURES = ["unusedPerObjectByte", "freePerObjectByte", "scanPerLiveByte"] as const;

/**
 * Whether one version's churn run is long enough: its summary figures over the first and the
 * second half of each workload's samples agree within `tolerance` (relative).
 */
export function fragmentationStability(samples: readonly FragmentationSample[], tolerance = STABILITY_TOLERANCE): FragmentationStability[] {
  const workloads = [...new Set(samples.map((s) => s.workload))];
  return workloads.map((workload) => {
    const mine = samples.filter((s) => s.workload === workload);
    const half = mine.length >> 1;
    const [whole] = summarizeFragmentation(mine);
    const [firstHalf] = summarizeFragmentation(mine.slice(0, half));
    const [secondHalf] = summarizeFragmentation(mine.slice(half));
    const differences = Object.fromEntries(FIGURES.map((f) => {
      const [a, b] = [firstHalf?.[f] ?? null, secondHalf?.[f] ?? null];
      if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) return [f, null];
      const scale = Math.max(Math.abs(a), Math.abs(b));
      return [f, scale === 0 ? 0 : Math.abs(a - b) / scale];
    })) as FragmentationStability["differences"];
    const stable = half > 0 && Object.values(differences).every((d) => d === null || d <= tolerance);
    return { workload, seconds: mine.length ? mine[mine.length - 1].seconds : 0, whole, firstHalf, secondHalf, differences, stable, tolerance };
  });
}
