/**
 * Delve's JSON-RPC wire shapes, and nothing else: the JSON that `dlv --headless --api-version=2`
 * sends and accepts, spelled as Delve's Go structs serialise (service/api/types.go and
 * service/rpc2/server.go of Delve v1.27.2; the same fields exist in Debian's v1.20.2 unless noted).
 * Go field names without a json tag keep their Go spelling (`Cond`, `LoadArgs`). The lab never uses
 * these outside the dlv folder: convert.ts turns them into its own types.
 *
 * Numbers: Delve sends uint64 addresses as JSON numbers; those above 2^53 (fake addresses of
 * register-resident variables) lose precision in JavaScript, so the lab reads no such field.
 */

/** JSON-RPC 1.0 request (Go's net/rpc/jsonrpc): one object, params is a one-element array. */
export interface WireRequest {
  method: string;
  params: [unknown];
  id: number;
}

/** JSON-RPC 1.0 response: exactly one of result and error is non-null. */
export interface WireResponse {
  id: number;
  result: unknown;
  error: string | null;
}

/** api.LoadConfig: how much of a variable to read. */
export interface WireLoadConfig {
  FollowPointers: boolean;
  MaxVariableRecurse: number;
  MaxStringLen: number;
  MaxArrayValues: number;
  /** -1 reads every field. */
  MaxStructFields: number;
}

/** api.EvalScope: goroutine -1 is the selected goroutine. */
export interface WireEvalScope {
  GoroutineID: number;
  Frame: number;
  DeferredCall?: number;
}

/** api.Function */
export interface WireFunction {
  name: string;
  value: number;
  type: number;
  goType: number;
  optimized: boolean;
}

/** api.Location */
export interface WireLocation {
  pc: number;
  file: string;
  line: number;
  function?: WireFunction | null;
}

/** api.Stackframe (Location embedded, so its fields sit at the top level). */
export interface WireStackframe extends WireLocation {
  Locals?: WireVariable[] | null;
  Arguments?: WireVariable[] | null;
  FrameOffset: number;
  FramePointerOffset: number;
  Bottom?: boolean;
  Err: string;
}

/** api.Variable: `value` is the printed value of a scalar; children hold fields and pointees. */
export interface WireVariable {
  name: string;
  addr: number;
  onlyAddr: boolean;
  type: string;
  realType: string;
  flags: number;
  kind: number;
  value: string;
  len: number;
  cap: number;
  children: WireVariable[] | null;
  base: number;
  unreadable: string;
  LocationExpr?: string;
  DeclLine?: number;
}

/** api.Breakpoint, as sent and as accepted by CreateBreakpoint/AmendBreakpoint. */
export interface WireBreakpoint {
  id?: number;
  name?: string;
  addr?: number;
  addrs?: number[];
  file?: string;
  line?: number;
  functionName?: string;
  /** A Go boolean expression; the breakpoint counts and stops only when it holds. */
  Cond?: string;
  /** "OP NUMBER" on the hit count, e.g. "> 1000000000": stops only when it holds. */
  HitCond?: string;
  HitCondPerG?: boolean;
  /** Tracepoint flag (json tag "continue"). */
  continue?: boolean;
  goroutine?: boolean;
  /** Frames to collect when hit (returned in the thread's breakPointInfo). */
  stacktrace?: number;
  variables?: string[];
  LoadArgs?: WireLoadConfig | null;
  LoadLocals?: WireLoadConfig | null;
  /** Hits per goroutine id (JSON object keys are the ids as strings). */
  hitCount?: Record<string, number>;
  totalHitCount?: number;
  disabled?: boolean;
}

/** api.BreakpointInfo: what a breakpoint asked to collect, filled in when it is hit. */
export interface WireBreakpointInfo {
  stacktrace?: WireStackframe[];
  goroutine?: unknown;
  variables?: WireVariable[];
  arguments?: WireVariable[];
  locals?: WireVariable[];
}

/** api.Thread */
export interface WireThread {
  id: number;
  pc: number;
  file: string;
  line: number;
  function?: WireFunction | null;
  goroutineID: number;
  breakPoint?: WireBreakpoint | null;
  breakPointInfo?: WireBreakpointInfo | null;
}

/** api.DebuggerState */
export interface WireDebuggerState {
  Pid: number;
  Running: boolean;
  currentThread?: WireThread | null;
  Threads: WireThread[] | null;
  exited: boolean;
  exitStatus: number;
  /** Missing in v1.20. */
  stopReason?: string;
}

/** api.DebuggerCommand */
export interface WireDebuggerCommand {
  name: "continue" | "halt";
  /** The lab's dlv only (patches/breakpoint-threads-only.patch): list only the threads at a breakpoint. */
  breakpointThreadsOnly?: boolean;
}

export interface WireCreateBreakpointIn {
  Breakpoint: WireBreakpoint;
}
export interface WireCreateBreakpointOut {
  Breakpoint: WireBreakpoint;
}
export interface WireAmendBreakpointIn {
  Breakpoint: WireBreakpoint;
}
export interface WireClearBreakpointIn {
  Id: number;
}
export interface WireListBreakpointsIn {
  All: boolean;
}
export interface WireListBreakpointsOut {
  Breakpoints: WireBreakpoint[];
}
export interface WireCommandOut {
  State: WireDebuggerState;
}
export interface WireStateIn {
  NonBlocking: boolean;
}
export interface WireStateOut {
  State: WireDebuggerState;
}
export interface WireStacktraceIn {
  Id: number;
  Depth: number;
  Full: boolean;
}
export interface WireStacktraceOut {
  Locations: WireStackframe[];
}
export interface WireEvalIn {
  Scope: WireEvalScope;
  Expr: string;
  Cfg: WireLoadConfig;
}
export interface WireEvalOut {
  Variable: WireVariable;
}
export interface WireListFunctionsIn {
  Filter: string;
}
export interface WireListFunctionsOut {
  Funcs: string[] | null;
}
export interface WireExamineMemoryIn {
  Address: number;
  Length: number;
}
/** Mem is a Go []byte: base64 in JSON. */
export interface WireExamineMemoryOut {
  Mem: string | null;
  IsLittleEndian: boolean;
}
export interface WireProcessPidOut {
  Pid: number;
}
export interface WireGetVersionOut {
  DelveVersion: string;
  APIVersion: number;
  Backend?: string;
  TargetGoVersion?: string;
  /** Missing in v1.20. */
  MinSupportedVersionOfGo?: string;
  MaxSupportedVersionOfGo?: string;
}
export interface WireDetachIn {
  Kill: boolean;
}

/** RPCServer.CreateEBPFTracepoint: a uprobe on a function, its arguments read in the kernel. */
export interface WireCreateEBPFTracepointIn {
  FunctionName: string;
}
export interface WireGetBufferedTracepointsIn {
  LoadCfg: WireLoadConfig | null;
}
/** api.TracepointResult: one traced call (or its return, is_ret) as the eBPF program saw it. */
export interface WireTracepointResult {
  addr?: number;
  file?: string;
  line?: number;
  is_ret: boolean;
  functionName?: string;
  goroutineID: number;
  inputParams?: WireVariable[] | null;
  returnParams?: WireVariable[] | null;
}
export interface WireGetBufferedTracepointsOut {
  TracepointResults: WireTracepointResult[] | null;
}
