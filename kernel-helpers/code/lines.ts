/**
 * Traced allocations of a code case in the user's terms: each one's `line` (the first frame in the
 * user's file, which the line directive numbers as the user does), names rewritten
 * (`golabprobe/code0.probe` is `main.probe`, `code0.go` the user's file), and a summary per line.
 */
import { caseOfFile, inUserTerms } from "./terms";

/** The user's line that caused an allocation: the first frame (innermost first) in case `caseIndex`'s file. */
export function userLineOf(frames: readonly { file: string; line: number }[], caseIndex: number): number | undefined {
  return frames.find((f) => caseOfFile(f.file) === caseIndex)?.line;
}

/** What the summary needs of an allocation, and what is rewritten. */
export interface UserAllocation {
  size: number;
  rounded: number;
  site: string;
  caller?: string;
  type?: string | null;
  stack?: string[];
  line?: number;
}

/** One line of the user's file and what it allocated in one call of probe(). */
export interface LineSummary {
  line: number;
  /** Allocations with size > 0 (as MemStats.Mallocs counts them). */
  mallocs: number;
  /** Sum of the sizes asked for. */
  bytes: number;
  /** Sum of the sizes taken (size classes; a tiny allocation inside a block takes 0). */
  allocatedBytes: number;
}

/** The allocations with names in the user's terms (new objects; the input is left alone). */
export function inUserTermsAll<A extends UserAllocation>(allocations: readonly A[], caseIndex: number, name: string, module: string): A[] {
  const terms = (s: string) => inUserTerms(s, caseIndex, name, module);
  return allocations.map((a) => ({
    ...a,
    site: terms(a.site),
    ...(a.caller === undefined ? {} : { caller: terms(a.caller) }),
    ...(a.type ? { type: terms(a.type) } : {}),
    ...(a.stack ? { stack: a.stack.map(terms) } : {}),
  }));
}

/** Allocations per user line, in line order; allocations without a user frame are left out. */
export function summarizeLines(allocations: readonly UserAllocation[]): LineSummary[] {
  const byLine = new Map<number, LineSummary>();
  for (const a of allocations) {
    if (a.line === undefined || a.size === 0) continue;
    const s = byLine.get(a.line) ?? { line: a.line, mallocs: 0, bytes: 0, allocatedBytes: 0 };
    s.mallocs++;
    s.bytes += a.size;
    s.allocatedBytes += a.rounded;
    byLine.set(a.line, s);
  }
  return [...byLine.values()].sort((x, y) => x.line - y.line);
}

