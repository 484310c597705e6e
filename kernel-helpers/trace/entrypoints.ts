/**
 * Where an allocation enters the runtime, per Go version: the functions to break on so that every
 * heap allocation is seen exactly once.
 *
 * Go 1.19 (runtime/malloc.go `mallocgc`) and Go 1.26 by default: every heap allocation goes through
 * `runtime.mallocgc(size, typ, needzero)`; newobject, newarray, makeslice, growslice and the map
 * code all call it. `break runtime.mallocgc` sees them all, size-0 calls included (they return
 * `&zerobase` at once and are not counted in MemStats.Mallocs).
 *
 * Size-specialised malloc (GOEXPERIMENT=sizespecializedmalloc: on by default in Go 1.27,
 * internal/buildcfg/exp.go `SizeSpecializedMalloc: true`; opt-in in Go 1.26) adds generated
 * functions, one per size class (runtime/malloc_generated.go):
 *   - 1.27: mallocgcTinySC2, mallocgcSmallNoScanSC2..7, mallocgcSmallScanNoHeaderSC1..7 (objects
 *     up to 80 bytes); their slow paths are separate functions (mallocgc*SlowPath) called only from
 *     them.
 *   - 1.26: mallocgcTinySize1..15, mallocgcSmallNoScanSC2..26, mallocgcSmallScanNoHeaderSC1..26
 *     (objects up to 512 bytes).
 * They are reached two ways:
 *   1. From mallocgc itself (runtime/malloc.go mallocgc: `if sizeSpecializedMallocEnabled && size <
 *      uintptr(len(mallocNoScanTable))` in 1.27, `&& heapBitsInSpan(size)` (size <= 512) in 1.26),
 *      which hands every size 0 < size < len(mallocNoScanTable) to exactly one of them through
 *      mallocNoScanTable / mallocScanTable (runtime/malloc_tables_generated.go) or, for 1.27's
 *      tiny sizes, mallocgcTinySC2. Those calls *do* enter mallocgc.
 *   2. Directly from compiled code, *bypassing mallocgc*: the compiler turns `new(T)`, a variable
 *      moved to the heap, and combined small allocations into a call of the specialised function
 *      for T's size class (cmd/compile/internal/ssagen/ssa.go `specializedMallocSym`, used by
 *      `newObject`; sizes up to 80 bytes in 1.27, up to 512 in 1.26). The runtime itself is
 *      compiled without them (`base.Flag.CompilingRuntime`), so runtime callers still use mallocgc.
 * So `break runtime.mallocgc` misses every directly compiled small `new`: in a loop of `m[k] =
 * new(int)` it sees none of the new(int) calls on 1.27.
 *
 * Counting once: an allocation of size 0 < size < limit (limit = len(runtime.mallocNoScanTable),
 * read from the binary: 81 in 1.27, 513 in 1.26) is counted at the specialised function it always
 * reaches; mallocgc counts only sizes >= limit. In detail mode, where every hit stops, a
 * specialised hit whose caller is mallocgc (or another entry) is the same allocation as the
 * mallocgc hit just before it, and is merged into it.
 *
 * Caveat: with GOEXPERIMENT=runtimesecret, inside secret.Do, a tiny specialised function calls
 * mallocgcSmallNoScanSC2 (runtime/malloc_stubs.go); count mode would count that allocation twice.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { sizeSpecializedMalloc } from "../alloc/rules";
import { DelveClient } from "../dlv";
import { GolabError } from "../errors";
import { Toolchain } from "../go";
import { traceMessages } from "../messages";

export const MALLOCGC = "runtime.mallocgc";

/** The specialised entry functions of 1.26 and 1.27 (not their SlowPath helpers). RE2 syntax. */
export const SPECIALISED_FILTER = "^runtime\\.mallocgc(TinySize|TinySC|SmallNoScanSC|SmallScanNoHeaderSC)[0-9]+$";

/** How allocations enter the runtime in one binary. */
export interface EntryPlan {
  /** True when the binary has size-specialised malloc functions. */
  specialised: boolean;
  /** mallocgc hands 0 < size < limit to a specialised function; 0 when not specialised. */
  limit: number;
  /** mallocgc first, then the specialised functions found in the binary. */
  functions: string[];
  /** Where mallocgc returns &zerobase for size 0 (a breakpoint there counts size-0 calls). */
  zeroReturn: { file: string; line: number };
}

/**
 * What the Go version's rules say (the release table of alloc/rules.ts): size-specialised malloc
 * on (true) or off (false), or null when the lab has no rule for the version (a go binary given
 * by path): then the binary decides alone.
 */
export function expectsSpecialised(tc: Pick<Toolchain, "version" | "goexperiment">): boolean | null {
  // Only the versions whose binaries were checked against the release table (alloc/rules.ts).
  const minor = Number(/^1\.(\d+)/.exec(tc.version)?.[1]);
  if (minor !== 19 && minor !== 26 && minor !== 27) return null;
  const { byDefault, experiment } = sizeSpecializedMalloc(tc.version);
  const experiments = tc.goexperiment.split(",");
  if (experiments.includes("nosizespecializedmalloc")) return false;
  if (experiments.includes("sizespecializedmalloc")) return experiment;
  return byDefault;
}

/**
 * The line of mallocgc's `return unsafe.Pointer(&zerobase)` in the toolchain's own
 * runtime/malloc.go (848 in 1.19.8, 1076 in 1.26.8 and 1.27.3).
 */
export function zeroReturnLine(goroot: string): { file: string; line: number } {
  const file = path.join(goroot, "src", "runtime", "malloc.go");
  let lines: string[];
  try {
    lines = fs.readFileSync(file, "utf8").split("\n");
  } catch (e) {
    throw new GolabError(traceMessages.noRuntimeSource(file, (e as Error).message));
  }
  const start = lines.findIndex((l) => l.startsWith("func mallocgc("));
  const at = start < 0 ? -1 : lines.findIndex((l, i) => i > start && l.trim() === "return unsafe.Pointer(&zerobase)");
  if (at < 0) throw new GolabError(traceMessages.noRuntimeSource(file, "no `return unsafe.Pointer(&zerobase)` in mallocgc"));
  return { file, line: at + 1 };
}

/** Reads the entry points of the program Delve is debugging, and checks them against the rules. */
export async function planEntries(client: DelveClient, tc: Toolchain): Promise<EntryPlan> {
  const specialisedFunctions = (await client.listFunctions(SPECIALISED_FILTER)).sort();
  const specialised = specialisedFunctions.length > 0;
  const expected = expectsSpecialised(tc);
  if (expected !== null && expected !== specialised) {
    throw new GolabError(traceMessages.entryMismatch(tc.version, tc.goexperiment, expected, specialisedFunctions.length));
  }
  let limit = 0;
  if (specialised) {
    const v = await client.eval("len(runtime.mallocNoScanTable)");
    limit = Number(v.text);
    if (!Number.isSafeInteger(limit) || limit < 2) throw new GolabError(traceMessages.unreadableValue("len(runtime.mallocNoScanTable)", v.text));
  }
  return { specialised, limit, functions: [MALLOCGC, ...specialisedFunctions], zeroReturn: zeroReturnLine(tc.goroot) };
}
