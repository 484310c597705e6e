/** trace: real Go under Delve; every allocation entry between the probe's markers. */
export { trace, traceWith, TraceOptions, TraceResult, TraceMode, TRACE_MODES, TraceCounter, TRACE_COUNTERS, EntrySummary, DEFAULT_STACK, DEFAULT_TRACE_TIMEOUT } from "./trace";
export { UprobeCounter, UprobeLossError, UprobesUnavailableError } from "./count-uprobes";
export { TraceAllocation } from "./detail";
export { EntryPlan, MALLOCGC, SPECIALISED_FILTER, expectsSpecialised, planEntries, zeroReturnLine } from "./entrypoints";
export { probeEnv, SessionTimings } from "./session";
export { experiment24, experiment24With, Experiment24Result, Experiment24Options, RuntimeHits, RuntimeFunction, RUNTIME_FUNCTIONS, DEFAULT_WORKLOAD, Family } from "./experiment-2-4";
