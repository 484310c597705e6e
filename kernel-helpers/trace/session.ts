/**
 * A trace session: the very probe program that measure runs (same source, same compiler flags, so
 * the same code and the same allocations; only linked with the symbols and DWARF that measure's
 * build strips with -s -w, which Delve reads), started with one run under a headless Delve, stopped
 * at its first probeBegin marker. The session owns dlv and the program: on success, error,
 * timeout or abort both are gone when runSession returns.
 *
 * walkMarkers then runs the program from marker to marker: probeBegin(c) and probeEnd(c) are
 * called on the probe goroutine right around case c's probe (probe/harness.ts), after the warm-up
 * calls, so allocation breakpoints set at the first probeBegin never see the warm-up.
 */
import { Case, caseKey } from "../case";
import { BreakpointHit, DelveClient, DelveServer, integerOf, selectDelve, startDelve, DelveBinary } from "../dlv";
import { GolabError, TimeoutError } from "../errors";
import { languageVersion, Toolchain } from "../go";
import { traceMessages } from "../messages";
import { BEGIN_MARKER, buildProbe, BuiltProbe, END_MARKER, generateProbe } from "../probe";
import { nextPinnedCpu } from "../proc";

export interface SessionOptions {
  debug: boolean;
  /** Milliseconds for the whole Delve session (the build has its own limit). */
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /** Runs before the program starts (breakpoints that must see start-up and the warm-up). */
  setup?: (client: DelveClient) => Promise<void>;
  /** Gets the hits of `setup`'s breakpoints that stop before probeBegin(0). */
  onEarlyHit?: (hit: BreakpointHit) => Promise<void>;
  /** Told, once the session is over, where its time went. */
  onTimings?: (t: SessionTimings) => void;
  /**
   * The case list of a probe built before (measure's -N -l batch), which holds every case traced:
   * that probe is reused (found in the probe cache, no build) and runs only the traced cases.
   */
  probeCases?: readonly Case[];
  /**
   * Runs dlv and the program on one CPU (proc/cpu-pin.ts: each breakpoint stop is then a switch on
   * that CPU, not a wake-up of the other). Default true; false only to show the difference (bench/).
   */
  pin?: boolean;
}

/** Where a session's time went, in milliseconds. */
export interface SessionTimings {
  /** Building the probe (or finding it in the cache). */
  build: number;
  /** Starting dlv and the program, until the client is connected. */
  start: number;
  /**
   * Every call to Delve after the start, by method: calls and time to its answer (`Command` is
   * continue: the program running, breakpoints hit; `Detach` is stopping dlv and the program;
   * `GetBufferedTracepoints`, count mode with uprobes, is made while a continue runs).
   */
  rpc: Map<string, { calls: number; ms: number }>;
  /** From the start of the build until dlv and the program are gone. */
  total: number;
  /** The one CPU dlv and the program ran on, or null when they were not pinned. */
  cpu: number | null;
}

/** A running session, stopped at probeBegin(0). */
export interface Session {
  tc: Toolchain;
  cases: readonly Case[];
  built: BuiltProbe;
  delve: DelveBinary;
  server: DelveServer;
  client: DelveClient;
  /** The probe goroutine: the one that called probeBegin(0). */
  goroutine: number;
  /** The one CPU dlv and the program run on, or null when they are not pinned. */
  cpu: number | null;
  beginId: number;
  endId: number;
}

/**
 * What walkMarkers calls. `window` is the case whose begin/end window is open when an allocation
 * breakpoint is hit (null between cases), whichever goroutine hit it.
 */
export interface MarkerHandlers {
  onBegin?(caseIndex: number): Promise<void>;
  onEnd?(caseIndex: number): Promise<void>;
  onHit?(hit: BreakpointHit, window: number | null): Promise<void>;
}

/**
 * The probe turns GC off itself; nothing in the caller's environment may tune the runtime (as in
 * measure). One P: Delve stops and resumes every thread of the program at each breakpoint trap,
 * and with one P the runtime starts fewer threads. What the probe goroutine allocates does not
 * depend on the number of Ps (the trace-equals-measure tests hold it to measure's default).
 */
export function probeEnv(tc: Toolchain): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...tc.env, GOMAXPROCS: "1" };
  delete env.GOGC;
  delete env.GODEBUG;
  delete env.GOMEMLIMIT;
  return env;
}

/** Builds the probe, starts it under Delve, runs `work`, and tears everything down. */
export async function runSession<T>(tc: Toolchain, cases: readonly Case[], options: SessionOptions, work: (s: Session) => Promise<T>): Promise<T> {
  const { debug, timeoutMs, signal, onProgress, setup, onEarlyHit, onTimings, probeCases, pin = true } = options;
  const t0 = performance.now();
  const within = probeCases ? positionsIn(probeCases, cases) : undefined;
  const probe = generateProbe(probeCases ?? cases, languageVersion(tc.version));
  onProgress?.(within
    ? `tracing ${cases.length} of the ${probeCases!.length} cases of a probe built with Go ${tc.version}${debug ? " (-N -l)" : ""}`
    : `building one probe for ${cases.length} case${cases.length === 1 ? "" : "s"} with Go ${tc.version}${debug ? " (-N -l)" : ""}`);
  const built = await buildProbe(probe, tc, { debug });
  const built0 = performance.now();
  let started = built0;
  const delve = await selectDelve(tc.version);
  if (signal?.aborted) throw new GolabError(traceMessages.aborted());
  const cpu = pin ? nextPinnedCpu() : null;
  onProgress?.(`starting dlv ${delve.version} (${delve.path}) on it${cpu === null ? "" : `, both on CPU ${cpu}`}`);
  let server: DelveServer | null = null;
  let ended: "timeout" | "abort" | null = null;
  const stop = (why: "timeout" | "abort") => {
    if (ended) return;
    ended = why;
    server?.kill();
  };
  const timer = setTimeout(() => stop("timeout"), timeoutMs);
  const onAbort = () => stop("abort");
  signal?.addEventListener("abort", onAbort);
  try {
    // One call of each case; with `within`, no memory cap (0) and only those cases, in order.
    const args = within ? ["1", "0", within.join(",")] : ["1"];
    server = await startDelve(delve, built.binary, { args, env: probeEnv(tc), startTimeoutMs: Math.min(60_000, timeoutMs), cpu });
    started = performance.now();
    // Calls made while starting (the program's pid, once it runs) belong to the start.
    server.client.timings.clear();
    // The time ran out (or the caller aborted) while dlv was starting: the catch below says which.
    if (ended) throw new GolabError(traceMessages.killed());
    const client = server.client;
    const begin = await client.createBreakpoint({ function: BEGIN_MARKER, loadArgs: "scalars" });
    const end = await client.createBreakpoint({ function: END_MARKER, loadArgs: "scalars" });
    await setup?.(client);
    let hit: BreakpointHit | undefined;
    while (!hit) {
      const first = await client.continue();
      hit = first.hits.find((h) => h.breakpointId === begin.id);
      const early = first.hits.filter((h) => h.breakpointId !== begin.id && h.breakpointId !== end.id);
      if (!hit && (early.length === 0 || !onEarlyHit)) throw new GolabError(traceMessages.unexpectedStop(`${BEGIN_MARKER}(0)`, first.exited ? "exit" : first.where));
      for (const h of early) await onEarlyHit?.(h);
    }
    if (caseIndexOf(hit) !== 0) throw new GolabError(traceMessages.markerOrder(`${BEGIN_MARKER}(0)`, `${BEGIN_MARKER}(${caseIndexOf(hit)})`));
    const session: Session = { tc, cases, built, delve, server, client, goroutine: hit.goroutineId, cpu, beginId: begin.id, endId: end.id };
    return await work(session);
  } catch (e) {
    server?.kill();
    if (ended === "timeout") throw new TimeoutError(traceMessages.timeout(Math.round(timeoutMs / 1000)), `dlv exec ${built.binary}`, timeoutMs);
    if (ended === "abort") throw new GolabError(traceMessages.aborted());
    throw e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    await server?.close();
    if (server) onTimings?.({ build: built0 - t0, start: started - built0, rpc: server.client.timings, total: performance.now() - t0, cpu });
  }
}

/** Where each case sits in the probe's case list (matched by canonical key). */
function positionsIn(probeCases: readonly Case[], cases: readonly Case[]): number[] {
  const index = new Map(probeCases.map((c, i) => [caseKey(c), i]));
  return cases.map((c) => {
    const i = index.get(caseKey(c));
    if (i === undefined) throw new Error(`trace: ${caseKey(c)} is not in the probe it was to reuse`);
    return i;
  });
}

function caseIndexOf(hit: BreakpointHit): number {
  const c = hit.args.find((a) => a.name === "c");
  if (!c) throw new GolabError(traceMessages.unreadableValue("the marker's argument c", "missing"));
  return integerOf(c);
}

/**
 * Runs the program from the first probeBegin to the last probeEnd, calling the handlers; the
 * session must be stopped at probeBegin(0) (onBegin(0) is called first).
 */
export async function walkMarkers(s: Session, handlers: MarkerHandlers): Promise<void> {
  let next = 0;
  let open: number | null = 0;
  await handlers.onBegin?.(0);
  for (;;) {
    const stop = await s.client.continue();
    if (stop.exited) throw new GolabError(traceMessages.exitedEarly(next, s.cases.length));
    if (stop.hits.length === 0) throw new GolabError(traceMessages.unexpectedStop("a breakpoint", stop.where));
    for (const hit of stop.hits) {
      if (hit.breakpointId === s.beginId) {
        const c = caseIndexOf(hit);
        if (c !== next || open !== null) throw new GolabError(traceMessages.markerOrder(`${BEGIN_MARKER}(${next})`, `${BEGIN_MARKER}(${c})`));
        open = c;
        await handlers.onBegin?.(c);
      } else if (hit.breakpointId === s.endId) {
        const c = caseIndexOf(hit);
        if (c !== next || open !== c) throw new GolabError(traceMessages.markerOrder(`${END_MARKER}(${next})`, `${END_MARKER}(${c})`));
        await handlers.onEnd?.(c);
        open = null;
        next++;
        if (next === s.cases.length) return;
      } else {
        await handlers.onHit?.(hit, open);
      }
    }
  }
}
