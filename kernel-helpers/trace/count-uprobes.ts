/**
 * Count mode with eBPF uprobes: the kernel records each allocation entry (goroutine, arguments)
 * and the program never stops for it. Only where mallocgc is the one allocation entry (Go before
 * 1.27 without GOEXPERIMENT=sizespecializedmalloc): Delve's eBPF program keeps its probe addresses
 * (each function's entry and every RET) in a map of 42, which the 15 entries of size-specialised
 * malloc overflow. With breakpoints (count.ts) each allocation traps into
 * Delve, which stops and resumes every thread: about 0.6 ms an allocation on this project's
 * machines; a uprobe costs the program about 0.1 ms (README.md, "Where the time goes").
 *
 * Only the lab's patched dlv (dlv/patches/, scripts/build-dlv.sh) sets these uprobes: stock Delve
 * 1.27.2 refuses every allocation entry of an optimised runtime ("empty OP stack").
 *
 * The markers are traced too, so the event stream itself says where each case begins and ends:
 * the session stops at probeBegin(0) with breakpoints, which are then cleared (a uprobe and a
 * breakpoint on one instruction would fight over it), and the program runs on in one `continue`.
 * Meanwhile the events are fetched every POLL_MS and counted as they come, so memory stays flat
 * for any number of allocations; the count is done at the last probeEnd, and the session's
 * teardown stops the program.
 *
 * Events can be lost when the kernel's ring buffer fills before Delve reads it; nothing says so.
 * Delve also records every return, so the counter holds the probe goroutine's calls and returns to
 * a stack, and wants every marker: a lost event breaks one or the other, and the count is refused
 * (UprobeLossError; trace.ts then counts again with breakpoints).
 */
import { integerOf, Stop, TracepointEvent } from "../dlv";
import { GolabError } from "../errors";
import { traceMessages } from "../messages";
import { sleep } from "../proc";
import { BEGIN_MARKER, END_MARKER } from "../probe";
import { CaseCounts } from "./count";
import { EntryPlan, MALLOCGC } from "./entrypoints";
import { Session } from "./session";

/** How often the counter asks Delve for the events it has read (each answer stays small). */
const POLL_MS = 50;
/** After the program's exit, how long to wait for Delve to hand over the last events. */
const DRAIN_MS = 3_000;

/** eBPF uprobes cannot be set here (not the lab's dlv, too many entry points for its map, no permission, no kernel support): count with breakpoints. */
export class UprobesUnavailableError extends GolabError {}

/** The event stream broke its own rules: events were lost, so the counts cannot be trusted. */
export class UprobeLossError extends GolabError {}

/** Counts each case's allocations with uprobes; the session must be at probeBegin(0). */
export async function countWithUprobes(s: Session, plan: EntryPlan, onProgress?: (m: string) => void): Promise<CaseCounts[]> {
  // Allocation entries first, while the markers still have their breakpoints: if the first one is
  // refused, nothing was attached and count.ts can still count with breakpoints.
  for (const [i, fn] of plan.functions.entries()) {
    try {
      await s.client.createEBPFTracepoint(fn);
    } catch (e) {
      if (i === 0) throw new UprobesUnavailableError(traceMessages.uprobesUnavailable(e instanceof Error ? e.message : String(e)));
      throw e;
    }
  }
  await s.client.clearBreakpoint(s.beginId);
  await s.client.clearBreakpoint(s.endId);
  await s.client.createEBPFTracepoint(BEGIN_MARKER);
  await s.client.createEBPFTracepoint(END_MARKER);

  const counter = new UprobeCounter(s.cases.length, plan, s.goroutine);
  let stopped: Stop | undefined;
  let failed: unknown;
  // Settles when the program exits (or the session's teardown halts it); never left unhandled.
  void s.client.continue().then((st) => { stopped = st; }, (e: unknown) => { failed = e; });
  let said = performance.now();
  // Done at the last probeEnd: the program's exit is not waited for (Delve then removes every
  // uprobe, about 0.4 s); the session's teardown stops it.
  while (!counter.done && stopped === undefined && failed === undefined) {
    await sleep(POLL_MS);
    counter.add(await s.client.bufferedTracepoints());
    if (onProgress && performance.now() - said > 1_000) {
      said = performance.now();
      onProgress(`counting with uprobes: case ${counter.finished + 1} of ${s.cases.length}, ${counter.allocations} allocations so far`);
    }
  }
  if (counter.done) return counter.results;
  if (failed !== undefined) throw failed;
  if (!stopped!.exited) throw new GolabError(traceMessages.unexpectedStop("the program's exit", stopped!.where));
  // Delve drains the ring buffer when the program exits; the last events may still be on their way.
  const deadline = performance.now() + DRAIN_MS;
  while (!counter.done && performance.now() < deadline) {
    const more = await s.client.bufferedTracepoints();
    counter.add(more);
    if (more.length === 0) await sleep(POLL_MS);
  }
  if (!counter.done) throw new UprobeLossError(traceMessages.uprobeLoss(`the events stop after ${counter.finished} of ${s.cases.length} cases`));
  return counter.results;
}

/**
 * Turns the event stream into per-case counts, with the same rules as count.ts: the probe
 * goroutine's allocations between probeBegin(c) and probeEnd(c); size-0 mallocgc calls apart;
 * with size-specialised malloc, mallocgc counts only sizes >= limit (smaller ones are counted at
 * the function they reach). Case 0 is open from the start: the stream begins inside probeBegin(0).
 */
export class UprobeCounter {
  readonly results: CaseCounts[] = [];
  private open: number | null = 0;
  private current = emptyCounts();
  /** The allocation functions the probe goroutine is inside, innermost last. */
  private readonly inside: string[] = [];
  private readonly entries: ReadonlySet<string>;

  constructor(private readonly caseCount: number, private readonly plan: EntryPlan, private readonly goroutine: number) {
    this.entries = new Set(plan.functions);
  }

  /** Cases whose probeEnd has been seen. */
  get finished(): number {
    return this.results.length;
  }

  get done(): boolean {
    return this.results.length === this.caseCount;
  }

  /** Allocations counted so far, the open case's included. */
  get allocations(): number {
    return this.results.reduce((n, c) => n + c.mallocs, this.current.mallocs);
  }

  add(events: readonly TracepointEvent[]): void {
    for (const e of events) this.one(e);
  }

  private one(e: TracepointEvent): void {
    const mine = e.goroutineId === this.goroutine;
    if (e.function === BEGIN_MARKER || e.function === END_MARKER) {
      if (mine && !e.isRet) this.marker(e);
      return;
    }
    if (!this.entries.has(e.function)) return;
    if (mine) this.balance(e);
    if (e.isRet || this.open === null || this.done) return;
    const kind = this.classify(e);
    if (kind === null) return;
    if (!mine) {
      this.current.otherGoroutines++;
    } else if (kind === "zero") {
      this.current.zero++;
    } else {
      this.current.mallocs++;
      this.current.byEntry[e.function] = (this.current.byEntry[e.function] ?? 0) + 1;
    }
  }

  /** "zero" for a size-0 mallocgc call, "alloc" for an allocation counted here, null for one counted where it goes next. */
  private classify(e: TracepointEvent): "zero" | "alloc" | null {
    if (e.function !== MALLOCGC) return "alloc";
    const size = e.args.find((a) => a.name === "size");
    if (!size) throw new UprobeLossError(traceMessages.uprobeLoss("a mallocgc call came without its size"));
    const n = integerOf(size);
    if (n === 0) return "zero";
    return this.plan.specialised && n < this.plan.limit ? null : "alloc";
  }

  private marker(e: TracepointEvent): void {
    const c = e.args.find((a) => a.name === "c");
    if (!c) throw new UprobeLossError(traceMessages.uprobeLoss(`${e.function} came without its argument c`));
    const index = integerOf(c);
    const next = this.results.length;
    if (e.function === BEGIN_MARKER) {
      // probeBegin(0) may or may not be seen: the uprobes went in while the program stood inside it.
      if (index === 0 && next === 0 && this.open === 0) return;
      if (index !== next || this.open !== null) throw new UprobeLossError(traceMessages.uprobeLoss(`${BEGIN_MARKER}(${index}) came where ${BEGIN_MARKER}(${next}) was due`));
      this.open = index;
      return;
    }
    if (index !== next || this.open !== index) throw new UprobeLossError(traceMessages.uprobeLoss(`${END_MARKER}(${index}) came where ${END_MARKER}(${next}) was due`));
    if (this.inside.length > 0) throw new UprobeLossError(traceMessages.uprobeLoss(`case ${index} ended inside ${this.inside.at(-1)}: its return was lost`));
    this.results.push(this.current);
    this.current = emptyCounts();
    this.open = null;
  }

  /** Every return of the probe goroutine must close the call it last entered. */
  private balance(e: TracepointEvent): void {
    if (!e.isRet) {
      this.inside.push(e.function);
      return;
    }
    const top = this.inside.pop();
    if (top !== e.function) throw new UprobeLossError(traceMessages.uprobeLoss(`a return from ${e.function} came ${top ? `inside ${top}` : "with no call open"}`));
  }
}

function emptyCounts(): CaseCounts {
  return { mallocs: 0, zero: 0, byEntry: {}, otherGoroutines: 0 };
}
