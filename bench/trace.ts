/**
 * The tracer's speed, on this machine, in one run: count mode on a case of about 10,000
 * allocations (targets: under 10 s; at least 3,000 allocations per second with the build),
 * detail mode with 8 frames of stack (target: at least 1,000 allocations per second), and, for comparison, Delve's own terminal driven the way the article
 * does it (`break runtime.mallocgc`, then `continue` after `continue`, from an --init script).
 * The lab pins dlv and the program to one CPU (kernel-helpers/proc/cpu-pin.ts); count mode with
 * breakpoints and detail mode are also timed unpinned, and count mode with uprobes, to show what
 * each way gives.
 * Probes are built before the clock starts; each time includes starting dlv and the program.
 * Count mode is also timed from an empty probe cache (the build included, Go's build cache warm),
 * and each session says where its time went: the build, dlv's start, the program running between
 * stops (Delve's `Command` calls, breakpoint hits counted or stopped at inside them), the other
 * calls to Delve, and the rest (the lab's own work, stopping dlv).
 *
 * `node dist/bench/trace.js [--go 1.26]` prints the table; bench/run.ts can call benchTrace and
 * formatTraceBench.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseCase } from "../kernel-helpers/case";
import { selectDelve } from "../kernel-helpers/dlv";
import { findToolchain, languageVersion } from "../kernel-helpers/go";
import { BEGIN_MARKER, buildProbe, generateProbe } from "../kernel-helpers/probe";
import { runProcess, withTempDir } from "../kernel-helpers/proc";
import * as os from "node:os";
import { probeEnv, SessionTimings, traceWith, UprobesUnavailableError } from "../kernel-helpers/trace";

/** The ratio bench/run.ts records (and the regression test holds) for count mode, the build included, against the article's way. */
export const TRACE_COUNT_WITH_BUILD_RATIO = "trace: count mode from an empty probe cache (the build included) vs dlv's terminal (allocations/s)";

/**
 * The ratios bench/run.ts records: what pinning to one CPU gives. They move with where the
 * scheduler puts the unpinned dlv, so the regression test holds only that pinning still pays.
 */
export const TRACE_PIN_RATIOS = {
  count: "trace: count mode with breakpoints, dlv and the program on one CPU vs unpinned (allocations/s)",
  detail: "trace: detail mode, dlv and the program on one CPU vs unpinned (allocations/s)",
} as const;

/** A case of `n` fresh `new(int)`: n tiny allocations plus the map's own. */
const freshPointers = (n: number) => parseCase(`{"op":"mapinsert","key":"int","elem":"*int","n":${n},"freshElem":true}`);

export interface Rate {
  allocations: number;
  seconds: number;
  perSecond: number;
}

/** Where one session's time went, in seconds. */
export interface TimeSplit {
  total: number;
  build: number;
  start: number;
  /** Delve's continue calls: the program running, breakpoint hits included. */
  running: number;
  continues: number;
  /** Detach: dlv stopping the program and itself. */
  stopping: number;
  /** Every other call to Delve. */
  otherRpc: number;
  otherCalls: number;
  /** Uprobe events fetched (GetBufferedTracepoints): made while the program runs, so inside `running`. */
  fetching: number;
  fetches: number;
}

export interface TraceBenchFigures {
  go: string;
  delve: string;
  /** Count mode as the lab counts by default (`counter` says how; `cpu`: pinned to it, or null). */
  count: Rate;
  counter: string;
  cpu: number | null;
  /** Count mode from an empty probe cache: the build included. */
  countWithBuild: Rate;
  /** Count mode with breakpoints, dlv and the program unpinned, for comparison. */
  countUnpinned: Rate;
  /** Count mode with eBPF uprobes, for comparison; null where they cannot count (Go 1.27, a stock dlv). */
  countUprobes: Rate | null;
  detail: Rate & { stack: number };
  /** Detail mode unpinned, for comparison. */
  detailUnpinned: Rate;
  /** Per way (count, count with its build, detail), where the session's time went. */
  splits: Record<string, TimeSplit>;
  /** Delve's terminal, `break runtime.mallocgc` + `continue`: stops per second. */
  terminal: Rate | null;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

function rate(allocations: number, seconds: number): Rate {
  return { allocations, seconds, perSecond: allocations / seconds };
}

/** Runs every session of the table, and dlv's terminal, on Go `go` (default: the go on PATH). */
export async function benchTrace({ go, countN = 10_000, detailN = 1_000, stack = 8 }: { go?: string; countN?: number; detailN?: number; stack?: number } = {}): Promise<TraceBenchFigures> {
  const tc = await findToolchain(go);
  const delve = await selectDelve(tc.version);
  const countCase = freshPointers(countN);
  const detailCase = freshPointers(detailN);
  const options = { debug: false, timeoutMs: 600_000, stack };
  for (const c of [countCase, detailCase]) await buildProbe(generateProbe([c], languageVersion(tc.version)), tc);
  const splits: Record<string, TimeSplit> = {};
  // The CPU of the default count's session: null when nothing was pinned.
  let cpu: number | null = null;
  const split = (way: string) => (t: SessionTimings) => {
    splits[way] = splitOf(t);
    if (way === "count") cpu = t.cpu;
  };
  const counted = await timed(() => traceWith(tc, [countCase], { ...options, mode: "count", onTimings: split("count") }));
  const built = await withEmptyProbeCache(() => timed(() => traceWith(tc, [countCase], { ...options, mode: "count", onTimings: split("count, build included") })));
  const unpinned = await timed(() => traceWith(tc, [countCase], { ...options, mode: "count", counter: "breakpoints", pin: false, onTimings: split("count, unpinned") }));
  // Uprobes refused (a stock dlv, size-specialised malloc, no eBPF here): the row says "-".
  const byUprobes = await timed(() => traceWith(tc, [countCase], { ...options, mode: "count", counter: "uprobes", onTimings: split("count with uprobes") }))
    .catch((e: unknown) => {
      if (e instanceof UprobesUnavailableError) return null;
      throw e;
    });
  const detailed = await timed(() => traceWith(tc, [detailCase], { ...options, mode: "detail", onTimings: split("detail") }));
  const detailUnpinned = await timed(() => traceWith(tc, [detailCase], { ...options, mode: "detail", pin: false, onTimings: split("detail, unpinned") }));
  return {
    go: tc.version,
    delve: `${delve.version} (${delve.path})`,
    count: rate(counted.value[0].mallocs, counted.seconds),
    counter: counted.value[0].counter ?? "?",
    cpu,
    countWithBuild: rate(built.value[0].mallocs, built.seconds),
    countUnpinned: rate(unpinned.value[0].mallocs, unpinned.seconds),
    countUprobes: byUprobes && rate(byUprobes.value[0].mallocs, byUprobes.seconds),
    detail: { ...rate(detailed.value[0].mallocs, detailed.seconds), stack },
    detailUnpinned: rate(detailUnpinned.value[0].mallocs, detailUnpinned.seconds),
    splits,
    terminal: await benchTerminal(tc, delve.path, detailCase, detailed.value[0].mallocgcCalls),
  };
}

/** `work` with golab's probe cache pointed at a new empty folder (removed after). */
async function withEmptyProbeCache<T>(work: () => Promise<T>): Promise<T> {
  const saved = process.env.GOLAB_CACHE;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-trace-"));
  process.env.GOLAB_CACHE = dir;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env.GOLAB_CACHE;
    else process.env.GOLAB_CACHE = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A session's timings in seconds: Delve's `Command` calls (continue) apart from the other calls. */
function splitOf(t: SessionTimings): TimeSplit {
  let otherRpc = 0;
  let otherCalls = 0;
  for (const [method, { calls, ms }] of t.rpc) {
    if (method === "Command" || method === "Detach" || method === "Halt" || method === FETCH) continue;
    otherRpc += ms;
    otherCalls += calls;
  }
  const command = t.rpc.get("Command") ?? { calls: 0, ms: 0 };
  // Halt ends the session: with uprobes the pending continue returns with it, so the time it
  // waits (Delve removing the uprobes) is in both; it is counted in "running" only.
  const halt = t.rpc.get("Halt")?.ms ?? 0;
  const stopping = (t.rpc.get("Detach")?.ms ?? 0) + (t.rpc.has(FETCH) ? 0 : halt);
  const fetch = t.rpc.get(FETCH) ?? { calls: 0, ms: 0 };
  return {
    total: t.total / 1000, build: t.build / 1000, start: t.start / 1000, running: command.ms / 1000, continues: command.calls,
    stopping: stopping / 1000, otherRpc: otherRpc / 1000, otherCalls, fetching: fetch.ms / 1000, fetches: fetch.calls,
  };
}

/** The call that fetches uprobe events while the program runs. */
const FETCH = "GetBufferedTracepoints";

/**
 * The article's way: Delve's terminal with an --init script that breaks on runtime.mallocgc and
 * continues `stops` times, printing each stop as a reader would see it.
 */
async function benchTerminal(tc: Awaited<ReturnType<typeof findToolchain>>, dlv: string, c: ReturnType<typeof freshPointers>, stops: number): Promise<Rate | null> {
  const built = await buildProbe(generateProbe([c], languageVersion(tc.version)), tc);
  return withTempDir("bench-terminal", async (dir) => {
    const script = path.join(dir, "init.txt");
    fs.writeFileSync(script, [`break ${BEGIN_MARKER}`, "continue", "break runtime.mallocgc", ...Array(stops).fill("continue"), "exit"].join("\n") + "\n");
    const args = ["exec", "--init", script, "--allow-non-terminal-interactive=true", built.binary, "--", "1"];
    try {
      const run = await timed(() => runProcess(dlv, args, { env: probeEnv(tc), timeoutMs: 600_000, check: false }));
      // "> [Breakpoint 2] runtime.mallocgc() ..." (1.27) or "> runtime.mallocgc() ..." (1.20).
      const seen = (run.value.stdout.match(/^> (\[Breakpoint \d+\] )?runtime\.mallocgc\(\)/gm) ?? []).length;
      return seen > 0 ? rate(seen, run.seconds) : null;
    } catch {
      return null;
    }
  });
}

/** A Markdown table of the figures. */
export function formatTraceBench(f: TraceBenchFigures): string {
  const pinned = f.cpu === null ? "not pinned: one CPU, or no taskset" : "dlv and the program pinned to one CPU";
  const row = (name: string, r: Rate | null, target: string) =>
    r ? `| ${name} | ${r.allocations} | ${r.seconds.toFixed(2)} s | ${Math.round(r.perSecond)} /s | ${target} |` : `| ${name} | - | - | - | ${target} |`;
  return [
    `trace: Go ${f.go}, dlv ${f.delve}`,
    "| way | allocations | time | rate | target |",
    "|---|---|---|---|---|",
    row(`count mode (${f.counter === "breakpoints" ? "breakpoints: Delve counts each hit and resumes" : f.counter}; ${pinned})`, f.count, "10,000 in under 10 s"),
    row(`count mode from an empty probe cache (the build included; ${f.counter}; ${pinned})`, f.countWithBuild, "at least 3,000 /s (10,000 in under 3.5 s)"),
    row("count mode with breakpoints, unpinned", f.countUnpinned, "for comparison"),
    row(`count mode with eBPF uprobes (the program never stops; ${pinned})`, f.countUprobes, "for comparison"),
    row(`detail mode (every stop: size, type, site, ${f.detail.stack} frames; ${pinned})`, f.detail, "at least 1,000 /s"),
    row("detail mode, unpinned", f.detailUnpinned, "for comparison"),
    row("dlv terminal: break runtime.mallocgc + continue (stops)", f.terminal, "for comparison"),
    "",
    "where each session's time goes (seconds; \"running\" is Delve's continue calls: the program running and every breakpoint hit, counted or stopped at;" +
      " with uprobes, the one continue lasts until the session's end halts the program, so it also holds the wait for Delve to remove its uprobes," +
      " and the uprobe events are fetched while it runs)",
    "| way | total | build | dlv start (program started) | running (continues) | uprobe events fetched, inside running (calls) | other calls to Delve (calls) | stopping dlv | the rest (the lab's own work) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...Object.entries(f.splits).map(([way, s]) =>
      `| ${way} | ${s.total.toFixed(2)} | ${s.build.toFixed(2)} | ${s.start.toFixed(2)} | ${s.running.toFixed(2)} (${s.continues}) | ${s.fetches ? `${s.fetching.toFixed(2)} (${s.fetches})` : "-"} | ${s.otherRpc.toFixed(2)} (${s.otherCalls}) | ${s.stopping.toFixed(2)} | ${(s.total - s.build - s.start - s.running - s.otherRpc - s.stopping).toFixed(2)} |`),
  ].join("\n") + "\n";
}

if (require.main === module) {
  const i = process.argv.indexOf("--go");
  const go = i >= 0 ? process.argv[i + 1] : undefined;
  benchTrace({ go })
    .then((f) => process.stdout.write(formatTraceBench(f)))
    .catch((e) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    });
}
