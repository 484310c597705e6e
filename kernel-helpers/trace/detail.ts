/**
 * Detail mode: every allocation entry stops the program, and Delve returns, with the stop, the
 * entry's arguments (size, and typ as a bare pointer: a type's fields are read once per type,
 * typenames.ts) and the stack: one round trip per allocation. The tracer names the type, finds the
 * runtime caller that asked (the site), and classifies the allocation by the allocator's rules
 * (alloc/), with the size classes of the traced toolchain's own sizeclasses.go, so a version the
 * lab has never seen still classifies.
 */
import * as path from "node:path";
import { classify, TinyBlock, toolchainRules } from "../alloc";
import { BreakpointHit, Frame, integerOf } from "../dlv";
import { userLineOf } from "../code/lines";
import { GolabError } from "../errors";
import { traceMessages } from "../messages";
import { AllocationRecord } from "../result";
import { EntryPlan, MALLOCGC } from "./entrypoints";
import { Session, walkMarkers } from "./session";
import { TypeNames } from "./typenames";

/** One allocation as the tracer saw it. */
export interface TraceAllocation extends AllocationRecord {
  /** The runtime type's name as the runtime spells it ("map.bucket[int]int"); null for a nil typ. */
  type: string | null;
  /**
   * The entry functions hit, in order: "runtime.mallocgc", "runtime.mallocgc →
   * runtime.mallocgcSmallScanNoHeaderSC5" (mallocgc handing over), "runtime.mallocgcTinySC2" (a
   * compiled call that bypassed mallocgc).
   */
  entry: string;
  /** The function that called the first entry function. */
  caller: string;
  /** The stack at the entry, innermost first, to the requested depth: "function (file:line)". */
  stack: string[];
  /** Code cases: the user's line that caused it (the first frame in the user's file). */
  line?: number;
}

/** One case's allocations on the probe goroutine. */
export interface CaseDetail {
  allocations: TraceAllocation[];
  otherGoroutines: number;
}

/**
 * Allocation plumbing: the functions between the code that wants memory and the allocator. The
 * site is the first frame outside them (makeBucketArray above newarray, makemap_small above
 * newobject, the user's function above a compiled specialised call).
 */
const PLUMBING = /^(runtime|internal\/runtime\/maps)\.(newobject|newarray|mallocgc\w*)$/;

/** Frames Delve collects beyond the requested stack, to find the site above the plumbing. */
const EXTRA_FRAMES = 8;
/** With user code, frames enough to reach the user's line from deep in the library (fmt, sync.Pool). */
const CODE_FRAMES = 40;

function siteOf(stack: readonly Frame[], entries: ReadonlySet<string>): string {
  const frame = stack.find((f) => !entries.has(f.function) && !PLUMBING.test(f.function));
  return frame?.function ?? stack[stack.length - 1]?.function ?? "?";
}

function frameText(f: Frame, goroot: string): string {
  const src = path.join(goroot, "src") + path.sep;
  const file = f.file.startsWith(src) ? f.file.slice(src.length) : path.basename(f.file);
  return `${f.function} (${file}:${f.line})`;
}

/** Records every allocation of each case, with `stack` frames; the session must be at probeBegin(0). */
export async function detailAllocations(s: Session, plan: EntryPlan, stack: number): Promise<CaseDetail[]> {
  const entries = new Set(plan.functions);
  const hasCode = s.cases.some((c) => c.op === "code");
  for (const fn of plan.functions) {
    // typ without its pointee: the type's fields are read once per type (typenames.ts).
    await s.client.createBreakpoint({ function: fn, loadArgs: "scalars", stack: Math.max(stack + EXTRA_FRAMES, hasCode ? CODE_FRAMES : 0) });
  }
  const rules = toolchainRules(s.tc.goroot, s.tc.version);
  const names = new TypeNames(s.client);
  const tiny = new TinyBlock();
  const results: CaseDetail[] = [];
  let current: CaseDetail = { allocations: [], otherGoroutines: 0 };
  let caseIndex = 0;
  const record = async (hit: BreakpointHit) => {
    const entry = hit.stack[0]?.function ?? hit.function;
    const caller = hit.stack[1]?.function ?? "?";
    const arg = (name: string) => {
      const v = hit.args.find((a) => a.name === name);
      if (!v) throw new GolabError(traceMessages.unreadableValue(`${entry}'s argument ${name}`, "missing"));
      return v;
    };
    const size = integerOf(arg("size"));
    if (entry !== MALLOCGC && entries.has(caller)) {
      // The same allocation, handed over by mallocgc (or another entry) to a specialised function.
      const last = current.allocations[current.allocations.length - 1];
      if (!last || last.size !== size) throw new GolabError(traceMessages.lostHandOver(caller, entry, size));
      last.entry += ` → ${entry}`;
      return;
    }
    const typ = await names.typeOf(arg("typ"), hit.goroutineId);
    const noscan = typ === null || typ.ptrBytes === 0;
    const allocation: TraceAllocation = {
      size,
      ...classify(size, noscan, rules, tiny),
      noscan,
      site: siteOf(hit.stack, entries),
      type: typ === null ? null : await names.nameOf(typ),
      entry,
      caller,
      stack: hit.stack.slice(0, stack).map((f) => frameText(f, s.tc.goroot)),
    };
    const line = s.cases[caseIndex].op === "code" ? userLineOf(hit.stack, caseIndex) : undefined;
    if (line !== undefined) allocation.line = line;
    current.allocations.push(allocation);
  };
  await walkMarkers(s, {
    onBegin: async (c) => {
      current = { allocations: [], otherGoroutines: 0 };
      caseIndex = c;
      tiny.reset();
    },
    onEnd: async () => {
      results.push(current);
    },
    onHit: async (hit, window) => {
      if (window === null) return;
      if (hit.goroutineId !== s.goroutine) current.otherGoroutines++;
      else await record(hit);
    },
  });
  return results;
}
