/**
 * One kernel, driven through @jupyterlab/services exactly as JupyterLab drives it, with what
 * tslab needs on top:
 * - errors arrive as `status: error` plus stderr, no `error` message (read by cell-error.ts);
 * - for 200 ms after an error tslab aborts every request (`execQueue.reset(200)`): the next
 *   request waits that window out, and a request that still comes back `abort` (it never ran) is
 *   sent again, at most ABORT_ATTEMPTS times;
 * - time limits on start-up, on each cell (then interrupt, then restart) and on shutdown.
 */
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import type { KernelMessage, Session } from "@jupyterlab/services";
import { GolabError, InputError, MissingToolError, TimeoutError } from "../errors";
import { jupyterMessages } from "../messages";
import { childrenOf as childProcesses, commandLine, descendantsOf, killGroup, listProcesses, sleep, waitAtMost, withTimeout } from "../proc";
import { CellError, parseTslabError } from "./cell-error";
import { CellOutputs, DisplayRegistry, IOPubMessage } from "./outputs";
import type { JupyterServer } from "./server";

/** tslab's abort window after an error (dist/jupyter.js: `this.execQueue.reset(200)`). */
export const ABORT_WINDOW_MS = 200;
/** Waited on top of the window: the timer starts in the kernel just before the reply leaves. */
export const ABORT_MARGIN_MS = 50;
/** Sends of one cell, the first included, while the kernel answers `abort`. */
export const ABORT_ATTEMPTS = 3;
/**
 * A kernel that is starting is asked for kernel_info this often until it answers. A request sent
 * before tslab listens can go unanswered, so the wait is rounded up to this step: at 2 s, a kernel
 * ready after 2.3 s was seen after 4 s. More requests cost nothing (each reply ends its own).
 */
const READY_POLL_MS = 250;

export interface KernelOptions {
  /** Kernel name. Default "tslab". */
  kernelName?: string;
  /** The kernel's working folder, inside the server's root. Default: the server's root. */
  cwd?: string;
  /** Label of the session in JupyterLab's running list. Default "golab". */
  label?: string;
  /** Milliseconds for the kernel to start and answer kernel_info. Default 60 s. */
  startTimeoutMs?: number;
}

export interface ExecuteOptions {
  /** Milliseconds before the cell is interrupted. Default 5 minutes. */
  timeoutMs?: number;
  /** Milliseconds an interrupted cell has to stop before the kernel is restarted. Default 5 s. */
  interruptGraceMs?: number;
  /** Collects display ids across the cells of one run. */
  displays?: DisplayRegistry;
}

/** How a cell ended. */
export type ExecutionStatus = "ok" | "error" | "timeout" | "aborted" | "died";

export interface Execution {
  status: ExecutionStatus;
  outputs: CellOutputs;
  executionCount: number | null;
  /** Set for every status but "ok". */
  error?: CellError;
  durationMs: number;
  /** Sends of the request (more than one when tslab aborted it). */
  attempts: number;
  /** The kernel was restarted (after a cell that ignored the interrupt): its state is gone. */
  restarted: boolean;
}

type Kernel = NonNullable<Session.ISessionConnection["kernel"]>;
type ServicesModule = typeof import("@jupyterlab/services");

let servicesLoaded: ServicesModule | null = null;
/** "Connection lost, reconnecting" warnings dropped so far (a start that timed out says how many). */
let websocketLosses = 0;

/**
 * @jupyterlab/services, loaded on first use. It logs "Starting WebSocket: ..." and
 * "Kernel: <status> (<id>)" with console.debug, which Node prints on stdout, where a CLI's
 * output goes, and "Connection lost, reconnecting" on every kernel restart: those lines (and only
 * those) are dropped.
 */
function services(): ServicesModule {
  if (servicesLoaded) return servicesLoaded;
  const debug = console.debug.bind(console);
  console.debug = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /^(?:Starting WebSocket: |Kernel: \w+ \()/.test(args[0])) return;
    debug(...args);
  };
  // Printed (on stderr) when a kernel restarts, which the runner reports in its own words.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /^Connection lost, reconnecting in \d+ seconds\.$/.test(args[0])) {
      websocketLosses++;
      return;
    }
    warn(...args);
  };
  servicesLoaded = require("@jupyterlab/services") as ServicesModule;
  return servicesLoaded;
}

/** A kernel of a jupyter server, in a session of its own. */
export class KernelSession {
  readonly kernelName: string;
  /** Milliseconds from the session request to the first kernel_info reply. */
  readonly startMs: number;
  private lastErrorAt = 0;
  /** The kernel's process (direct child of the server); more than one only in passing. */
  private kernelPids: number[];
  private closed = false;

  private constructor(
    private readonly server: JupyterServer,
    private readonly managers: { dispose(): void }[],
    private readonly session: Session.ISessionConnection,
    fields: { kernelName: string; startMs: number; kernelPids: number[] },
  ) {
    this.kernelName = fields.kernelName;
    this.startMs = fields.startMs;
    this.kernelPids = fields.kernelPids;
    claimed.add(this);
  }

  /** The kernel's process, as last seen (empty once shut down). */
  get pids(): readonly number[] {
    return this.closed ? [] : this.kernelPids;
  }

  /** Starts a kernel and waits for its kernel_info reply; on timeout it is shut down and killed. */
  static async start(server: JupyterServer, options: KernelOptions = {}): Promise<KernelSession> {
    const { kernelName = "tslab", label = "golab", startTimeoutMs = 60_000 } = options;
    const cwd = path.resolve(options.cwd ?? server.rootDir);
    const rel = path.relative(server.rootDir, cwd);
    if (rel.startsWith("..") || path.isAbsolute(rel)) throw new InputError(jupyterMessages.outsideRoot(cwd, server.rootDir), cwd);
    const { SessionManager, KernelManager } = services();
    const serverSettings = server.settings();
    const kernelManager = new KernelManager({ serverSettings });
    const manager = new SessionManager({ serverSettings, kernelManager });
    const before = new Set(childrenOf(server.pid));
    const started = Date.now();
    // A session's path only names it; the kernel's folder is the path's folder. A fresh name per
    // session, as Jupyter hands an existing session (and its kernel) to a second request for a path.
    const name = `${label}-${randomBytes(6).toString("hex")}.ipynb`;
    const sessionPath = [...rel.split(path.sep).filter(Boolean), name].join("/");
    // How far a start got, for the message if it times out (a start that hung once in CI, twice
    // in one run, never since: the next one says where).
    let stage = () => "the client library was not ready";
    const lossesBefore = websocketLosses;
    // After a timeout the start is abandoned: the session it made, or makes later, is shut down
    // (its kernel killed) as soon as it exists, and the wait for the kernel's answer ends.
    let abandoned = false;
    const starting = (async () => {
      await manager.ready;
      stage = () => "the server did not create the session";
      const session = await manager.startNew({ path: sessionPath, name, type: "notebook", kernel: { name: kernelName } });
      try {
        const kernel = session.kernel;
        if (!kernel) throw new GolabError(jupyterMessages.kernelStartFailed(kernelName, "the session has no kernel"));
        stage = () => `no kernel_info reply (kernel ${kernel.status}, websocket ${kernel.connectionStatus}, lost ${websocketLosses - lossesBefore} times)`;
        await waitForReady(kernel, () => abandoned);
        if (abandoned) throw new GolabError(jupyterMessages.kernelStartFailed(kernelName, "abandoned after its time ran out"));
        return session;
      } catch (e) {
        if (abandoned) {
          await withTimeout(session.shutdown(), 10_000, { message: "", command: "" }).catch(() => undefined);
          killKernels(kernelProcesses(server.pid, session.kernel?.id));
        }
        throw e;
      }
    })();
    let session: Session.ISessionConnection;
    try {
      session = await withTimeout(starting, startTimeoutMs, { message: "", command: `kernel ${kernelName}` });
    } catch (e) {
      if (e instanceof TimeoutError) {
        // What the server last logged (a "Nudge: attempt N" line says the kernel never answered).
        const said = server.logTail(40).split("\n").filter((l) => /\[[WEC] /.test(l)).slice(-2).join(" | ");
        e = new TimeoutError(jupyterMessages.kernelStartTimeout(kernelName, Math.round(startTimeoutMs / 1000), said, stage()), `kernel ${kernelName}`, startTimeoutMs);
      }
      // The managers go once the abandoned start has shut its session down (disposed at once,
      // they dropped the session unshut, and its kernel ran on until the server stopped), or
      // after 20 s if the server never answers.
      abandoned = true;
      void withTimeout(starting, 20_000, { message: "", command: "" }).catch(() => undefined).finally(() => {
        manager.dispose();
        kernelManager.dispose();
      });
      // Its kernel id may not be known yet: the new children that no running session claims.
      killKernels(childrenOf(server.pid).filter((p) => !before.has(p) && !claimedKernelPids().has(p)));
      throw translateStartError(e, kernelName);
    }
    const kernelPids = kernelProcesses(server.pid, session.kernel?.id);
    server.adoptProcesses();
    return new KernelSession(server, [manager, kernelManager], session, { kernelName, startMs: Date.now() - started, kernelPids });
  }

  private get kernel(): Kernel {
    const k = this.session.kernel;
    if (!k || this.closed) throw new GolabError(jupyterMessages.kernelStartFailed(this.kernelName, "the kernel was shut down"));
    return k;
  }

  /** Runs code; never throws for what the code does (see Execution.status). */
  async execute(code: string, options: ExecuteOptions = {}): Promise<Execution> {
    const { timeoutMs = 300_000, interruptGraceMs = 5000, displays = new DisplayRegistry() } = options;
    const started = Date.now();
    let attempts = 0;
    while (true) {
      const wait = this.lastErrorAt + ABORT_WINDOW_MS + ABORT_MARGIN_MS - Date.now();
      if (wait > 0) await sleep(wait);
      attempts++;
      const run = await this.executeOnce(code, timeoutMs, interruptGraceMs, displays);
      if (run.status === "aborted" && attempts < ABORT_ATTEMPTS) {
        // It never ran: tslab was still inside the window of an earlier error.
        this.lastErrorAt = Date.now();
        continue;
      }
      if (run.status !== "ok") this.lastErrorAt = Date.now();
      return { ...run, attempts, durationMs: Date.now() - started };
    }
  }

  private async executeOnce(code: string, timeoutMs: number, graceMs: number, displays: DisplayRegistry): Promise<Omit<Execution, "attempts" | "durationMs">> {
    const outputs = displays.cell();
    const kernel = this.kernel;
    const future = kernel.requestExecute({ code, silent: false, store_history: true, allow_stdin: false, stop_on_error: false });
    future.onIOPub = (msg: KernelMessage.IIOPubMessage) => {
      outputs.add(msg as IOPubMessage);
    };
    type Outcome = { kind: "reply"; reply: KernelMessage.IExecuteReplyMsg } | { kind: "canceled" } | { kind: "timeout" };
    const done: Promise<Outcome> = future.done.then(
      (reply) => ({ kind: "reply" as const, reply }),
      () => ({ kind: "canceled" as const }),
    );
    const within = async (ms: number): Promise<Outcome> => {
      return waitAtMost<Outcome, Outcome>(done, ms, { kind: "timeout" });
    };
    let outcome = await within(timeoutMs);
    let timedOut = false;
    let restarted = false;
    if (outcome.kind === "timeout") {
      timedOut = true;
      await withTimeout(kernel.interrupt(), 10_000, { message: "interrupt", command: "interrupt" }).catch(() => undefined);
      outcome = await within(graceMs);
      if (outcome.kind === "timeout") {
        // The cell ignores SIGINT (a busy loop outside tslab's vm call): only a restart stops it.
        restarted = true;
        await this.restart().catch(() => undefined);
        outcome = await within(1000);
      }
    }
    const seconds = Math.round(timeoutMs / 1000);
    const stderr = outputs.stderrChunks;
    if (timedOut) {
      const parsed = stderr.length > 0 ? parseTslabError(stderr) : undefined;
      const error: CellError = {
        kind: "timeout",
        ename: "Timeout",
        evalue: `the cell did not finish within ${seconds} s${restarted ? "; it ignored the interrupt, so the kernel was restarted" : " and was interrupted"}`,
        stack: parsed?.stack ?? [],
        text: parsed?.text ?? "",
      };
      return { status: "timeout", outputs, executionCount: null, error, restarted };
    }
    if (outcome.kind !== "reply") {
      // Canceled without a restart of ours: the kernel died (Jupyter restarts it by itself). The
      // next request waits for the new kernel, or could be lost while it starts.
      await withTimeout(waitForReady(kernel), 60_000, { message: "", command: "" }).catch(() => undefined);
      this.kernelPids = kernelProcesses(this.server.pid, kernel.id);
      this.server.adoptProcesses();
      const error: CellError = { kind: "kernel-died", ename: "KernelDied", evalue: "the kernel died while the cell ran", stack: [], text: stderr.join("") };
      return { status: "died", outputs, executionCount: null, error, restarted: true };
    }
    const content = outcome.reply.content;
    const count = typeof (content as { execution_count?: unknown }).execution_count === "number" ? (content as { execution_count: number }).execution_count : null;
    switch (content.status) {
      case "ok":
        return { status: "ok", outputs, executionCount: count, restarted: false };
      case "abort":
        return {
          status: "aborted", outputs, executionCount: null, restarted: false,
          error: { kind: "aborted", ename: "Aborted", evalue: "the kernel aborted the request (an earlier cell had just failed)", stack: [], text: "" },
        };
      default: {
        const error = outputs.errors.length > 0
          ? fromErrorOutput(outputs.errors[outputs.errors.length - 1])
          : parseTslabError(stderr);
        return { status: "error", outputs, executionCount: count, error, restarted: false };
      }
    }
  }

  /** Interrupts the running cell (SIGINT to the kernel, through the server). */
  async interrupt(): Promise<void> {
    await withTimeout(this.kernel.interrupt(), 10_000, { message: "interrupt", command: "interrupt" });
  }

  /** Restarts the kernel (its state is lost) and waits until it answers again. */
  async restart({ timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const kernel = this.kernel;
    const message = jupyterMessages.kernelStartTimeout(this.kernelName, Math.round(timeoutMs / 1000));
    try {
      await withTimeout((async () => {
        await kernel.restart();
        await waitForReady(kernel);
      })(), timeoutMs, { message, command: `restart ${this.kernelName}` });
    } finally {
      this.lastErrorAt = 0;
      this.kernelPids = kernelProcesses(this.server.pid, kernel.id);
      this.server.adoptProcesses();
    }
  }

  /** Shuts the kernel down through the server; if that does not finish in time, kills it. */
  async shutdown({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
    if (this.closed) return;
    const pids = this.kernelPids;
    try {
      await withTimeout(this.session.shutdown(), timeoutMs, { message: "shutdown", command: "shutdown" });
    } catch {
      // The server did not manage: what the kernel was is killed below.
    } finally {
      this.closed = true;
      claimed.delete(this);
      killKernels(pids);
      this.session.dispose();
      for (const m of this.managers) m.dispose();
      this.server.adoptProcesses();
    }
  }
}

/**
 * Waits for a kernel_info reply, asking again every READY_POLL_MS, as jupyter_client's
 * wait_for_ready does: a request that reaches a kernel while it is still starting (first start or
 * restart) can go unanswered, and then a single request waits forever (seen: 60 s and more).
 * The caller bounds the whole wait; `abandoned` ends it early (a start whose time ran out).
 */
async function waitForReady(kernel: Kernel, abandoned: () => boolean = () => false): Promise<void> {
  let answered = false;
  while (!answered && !abandoned()) {
    // Refused at once ("status is not connected": the websocket is still opening): ask again soon
    // (the websocket opens once the kernel has answered the server, so "soon" is what is waited).
    const reply = kernel.requestKernelInfo().then(() => true, () => sleep(20).then(() => false));
    answered = await waitAtMost(reply, READY_POLL_MS, false);
    if (kernel.isDisposed) throw new GolabError("the kernel connection was closed while waiting for the kernel");
  }
}

/** Pids of the children of `pid` (the server's children are its kernels). */
function childrenOf(pid: number): number[] {
  return childProcesses(pid).map((p) => p.pid);
}

/**
 * The server's child that runs kernel `id`: Jupyter names its connection file `kernel-<id>.json`
 * and passes it on the kernel's command line. Told apart by id, not by "new since I asked":
 * kernels of sessions started at the same time are new too, and shutting one session down must
 * not kill the others (it did, when chapters ran side by side).
 */
function kernelProcesses(serverPid: number, id: string | undefined): number[] {
  if (!id) return [];
  const file = `kernel-${id}.json`;
  return childrenOf(serverPid).filter((p) => commandLine(p).split(" ").some((arg) => arg.endsWith(file)));
}

/** Kernel processes that a live session of this golab process owns. */
const claimed = new Set<KernelSession>();
function claimedKernelPids(): Set<number> {
  return new Set([...claimed].flatMap((s) => s.pids));
}

/** Kills kernel processes with every process group below them (what their cells started). */
function killKernels(pids: readonly number[]): void {
  if (pids.length === 0) return;
  const procs = listProcesses();
  for (const pid of pids) {
    const groups = new Set([...descendantsOf(pid, procs).map((p) => p.pgid), ...procs.filter((p) => p.pid === pid).map((p) => p.pgid)]);
    for (const g of groups) if (g > 1) killGroup(g);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

function translateStartError(e: unknown, kernelName: string): Error {
  if (e instanceof GolabError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/No such kernel|kernel is not available/i.test(message)) return new MissingToolError(jupyterMessages.noKernel(kernelName), kernelName);
  return new GolabError(jupyterMessages.kernelStartFailed(kernelName, message), { cause: e });
}

function fromErrorOutput(e: { ename: string; evalue: string; traceback: string[] }): CellError {
  // Tracebacks of other kernels carry ANSI colours.
  const plain = e.traceback.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ""));
  return { kind: "exception", ename: e.ename, evalue: e.evalue, stack: plain, text: plain.join("\n") };
}
