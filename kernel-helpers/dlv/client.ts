/**
 * DelveClient: Delve's JSON-RPC API (api-version 2) over a plain TCP connection, as Delve's own
 * service/rpc2/client.go does it: one private `call` and one small method per RPC. Every result is
 * checked by an assertion function (check.ts), then converted to the lab's types (convert.ts):
 * nothing outside this folder sees Delve's wire shapes.
 */
import * as net from "node:net";
import { traceMessages } from "../messages";
import {
  assertAnyObject, assertCommandOut, assertCreateBreakpointOut, assertEvalOut, assertExamineMemoryOut,
  assertGetBufferedTracepointsOut, assertGetVersionOut, assertListBreakpointsOut, assertListFunctionsOut,
  assertProcessPidOut, assertStacktraceOut, assertStateOut,
} from "./check";
import {
  Breakpoint, BreakpointSpec, DelveVersion, Frame, HitCounts, LoadLevel, Stop, TracepointEvent, Value, toBreakpoint,
  toFrame, toHitCounts, toLoadConfig, toStop, toTracepointEvent, toValue, toVersion, toWireBreakpoint,
} from "./convert";
import { DelveProtocolError, DelveRpcError } from "./errors";
import { WireLoadConfig, WireRequest, WireResponse } from "./wire";

/** Scalar values only: no struct fields, pointees or strings, so an answer of thousands of events stays small. */
const VALUES_ONLY: WireLoadConfig = { FollowPointers: false, MaxVariableRecurse: 0, MaxStringLen: 0, MaxArrayValues: 0, MaxStructFields: 0 };

type Check<T> = (x: unknown, method: string) => asserts x is T;

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (e: Error) => void;
}

/** Largest JSON line accepted from Delve (a stop with many threads and stacks is a few hundred KiB). */
const MAX_LINE = 64 << 20;

/** A connected client. Close it with `close()`; `abort(e)` fails every pending call with `e`. */
export class DelveClient {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private buffer = "";
  private closedWith: Error | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding("utf8");
    socket.setNoDelay(true);
    socket.on("data", (chunk: string) => this.receive(chunk));
    socket.on("error", (e) => this.abort(new DelveProtocolError(traceMessages.connectionLost(e.message), { method: "connection", cause: e })));
    socket.on("close", () => this.abort(new DelveProtocolError(traceMessages.connectionLost("closed by Delve"), { method: "connection" })));
  }

  /** Connects to a headless Delve at host:port. */
  static connect(port: number, host = "127.0.0.1"): Promise<DelveClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host });
      const onError = (e: Error) => reject(new DelveProtocolError(traceMessages.connectFailed(`${host}:${port}`, e.message), { method: "connect", cause: e }));
      socket.once("error", onError);
      socket.once("connect", () => {
        socket.off("error", onError);
        resolve(new DelveClient(socket));
      });
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length > MAX_LINE) {
      this.abort(new DelveProtocolError(traceMessages.wireShape("connection", "line", `at most ${MAX_LINE} characters`), { method: "connection" }));
      return;
    }
    let i: number;
    while ((i = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 1);
      if (line.trim() !== "") this.answer(line);
    }
  }

  private answer(line: string): void {
    let response: WireResponse;
    try {
      response = JSON.parse(line) as WireResponse;
    } catch (e) {
      this.abort(new DelveProtocolError(traceMessages.wireShape("connection", "response", "JSON"), { method: "connection", cause: e }));
      return;
    }
    const p = typeof response?.id === "number" ? this.pending.get(response.id) : undefined;
    if (!p) {
      this.abort(new DelveProtocolError(traceMessages.wireShape("connection", "id", "the id of a pending call"), { method: "connection" }));
      return;
    }
    this.pending.delete(response.id);
    if (response.error !== null && response.error !== undefined) {
      p.reject(new DelveRpcError(traceMessages.rpcError(p.method, String(response.error)), { method: p.method, delveMessage: String(response.error) }));
    } else {
      p.resolve(response.result);
    }
  }

  /** Fails every pending and later call with `e` and closes the connection. */
  abort(e: Error): void {
    if (!this.closedWith) this.closedWith = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.socket.destroy();
  }

  /** Closes the connection (Delve, started without --accept-multiclient, then exits). */
  close(): void {
    this.abort(new DelveProtocolError(traceMessages.connectionLost("closed by the lab"), { method: "connection" }));
  }

  /**
   * Per method: calls made and milliseconds from request to answer (for `continue`, the time the
   * program ran, breakpoint hits included). Where a session's time goes (bench/trace.ts).
   */
  readonly timings = new Map<string, { calls: number; ms: number }>();

  /** `label`: the key in `timings` (halt is a Command too, but not the program running). */
  private call<T>(name: string, args: unknown, check: Check<T>, label = name): Promise<T> {
    const method = `RPCServer.${name}`;
    if (this.closedWith) return Promise.reject(this.closedWith);
    const sent = performance.now();
    const timing = this.timings.get(label) ?? { calls: 0, ms: 0 };
    this.timings.set(label, timing);
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, {
        method,
        resolve: (result) => {
          timing.calls++;
          timing.ms += performance.now() - sent;
          try {
            check(result, method);
            resolve(result);
          } catch (e) {
            reject(e);
          }
        },
        reject,
      });
      const request: WireRequest = { method, params: [args], id };
      this.socket.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Delve's version and the range of Go it supports (the range is missing before v1.21). */
  async getVersion(): Promise<DelveVersion> {
    return toVersion(await this.call("GetVersion", {}, assertGetVersionOut));
  }

  /** The pid of the debugged program. */
  async processPid(): Promise<number> {
    return (await this.call("ProcessPid", {}, assertProcessPidOut)).Pid;
  }

  async state(): Promise<Stop> {
    return toStop((await this.call("State", { NonBlocking: true }, assertStateOut)).State);
  }

  /**
   * Resumes the program until a breakpoint that stops, or exit. The lab's dlv then answers with
   * the threads at a breakpoint only (patches/breakpoint-threads-only.patch); any other dlv ignores
   * the field and lists every thread, which toStop reads the same.
   */
  async continue(): Promise<Stop> {
    return toStop((await this.call("Command", { name: "continue", breakpointThreadsOnly: true }, assertCommandOut)).State);
  }

  /** Stops a running program (a pending `continue` then returns); harmless when it is stopped. */
  async halt(): Promise<Stop> {
    return toStop((await this.call("Command", { name: "halt" }, assertCommandOut, "Halt")).State);
  }

  async createBreakpoint(spec: BreakpointSpec): Promise<Breakpoint> {
    return toBreakpoint((await this.call("CreateBreakpoint", { Breakpoint: toWireBreakpoint(spec) }, assertCreateBreakpointOut)).Breakpoint);
  }

  async clearBreakpoint(id: number): Promise<void> {
    await this.call("ClearBreakpoint", { Id: id }, assertAnyObject);
  }

  /** Hit counts of every user breakpoint (All: false leaves out Delve's internal ones). */
  async listBreakpoints(): Promise<HitCounts[]> {
    return (await this.call("ListBreakpoints", { All: false }, assertListBreakpointsOut)).Breakpoints.map(toHitCounts);
  }

  /** The stack of goroutine `goroutineId`, innermost frame first. */
  async stacktrace(goroutineId: number, depth: number): Promise<Frame[]> {
    return (await this.call("Stacktrace", { Id: goroutineId, Depth: depth, Full: false }, assertStacktraceOut)).Locations.map(toFrame);
  }

  /** Evaluates a Go expression in frame `frame` of goroutine `goroutineId` (-1: the selected one). */
  async eval(expr: string, load: LoadLevel = "scalars", frame = 0, goroutineId = -1): Promise<Value> {
    const out = await this.call("Eval", { Scope: { GoroutineID: goroutineId, Frame: frame }, Expr: expr, Cfg: toLoadConfig(load) }, assertEvalOut);
    return toValue(out.Variable);
  }

  /** Functions whose name matches the regular expression `filter` (Go RE2 syntax). */
  async listFunctions(filter: string): Promise<string[]> {
    return (await this.call("ListFunctions", { Filter: filter }, assertListFunctionsOut)).Funcs ?? [];
  }

  /** Reads `length` bytes of the program's memory at `address`. */
  async examineMemory(address: number, length: number): Promise<Buffer> {
    const out = await this.call("ExamineMemory", { Address: address, Length: length }, assertExamineMemoryOut);
    return Buffer.from(out.Mem ?? "", "base64");
  }

  /**
   * Puts an eBPF uprobe on `fn` (RPCServer.CreateEBPFTracepoint): each call is recorded in the
   * kernel with its goroutine and arguments, and the program never stops for it.
   */
  async createEBPFTracepoint(fn: string): Promise<void> {
    await this.call("CreateEBPFTracepoint", { FunctionName: fn }, assertAnyObject);
  }

  /**
   * The tracepoint events Delve has read from the kernel since the last call, in order. It answers
   * while the program runs (a pending `continue` does not hold it up). Arguments: scalar values only.
   */
  async bufferedTracepoints(): Promise<TracepointEvent[]> {
    const out = await this.call("GetBufferedTracepoints", { LoadCfg: VALUES_ONLY }, assertGetBufferedTracepointsOut);
    return (out.TracepointResults ?? []).map(toTracepointEvent);
  }

  /** Detaches; with kill, Delve kills the program (and, being single-client, then exits). */
  async detach(kill: boolean): Promise<void> {
    await this.call("Detach", { Kill: kill }, assertAnyObject);
  }
}
