/**
 * A run of a probe holding user code that failed, said in the user's terms: a panic (or a fatal
 * error) in the user's code with the user's frames, or the time limit running out.
 */
import { CodeError, GolabError, ProcessError, TimeoutError } from "../errors";
import { codeMessages } from "../messages";
import { OUT_OF_MEMORY } from "../proc";
import { UserCode } from "./files";
import { crashOf } from "./terms";

/** The ProcessError behind `e`, if any (a wrapper keeps it as its cause). */
function processErrorIn(e: unknown): ProcessError | null {
  for (let x = e, depth = 0; x instanceof Error && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof ProcessError) return x;
  }
  return null;
}

/**
 * The error to report for a failed probe run: a CodeError when the users' code crashed or ran out
 * of time, else `e` as it was. `go` is the Go version that ran it; `memCap`, the memory cap the
 * probe was held to (measure's), if any. A wrapper's cause is read for the ProcessError.
 */
export function inUserTermsOnFailure(e: unknown, code: readonly UserCode[], module: string, go: string, memCap?: number): unknown {
  if (code.length === 0) return e;
  if (e instanceof TimeoutError) {
    const names = code.map((c) => c.name);
    return new CodeError(codeMessages.timeLimit(names, Math.round(e.timeoutMs / 1000)), { name: names[0], cause: e });
  }
  // Delve stops a panicking program at its unrecovered-panic (or fatal-throw) breakpoint.
  if (e instanceof GolabError && /\b(unrecovered-panic|fatal-throw)\b/.test(e.message)) {
    const names = code.map((c) => c.name);
    return new CodeError(codeMessages.panickedUnderTrace(names, go), { name: names[0], cause: e });
  }
  const failed = processErrorIn(e);
  if (!failed) return e;
  const crash = crashOf(failed.stderr, code, module);
  if (!crash) return e;
  const name = code.find((c) => c.caseIndex === crash.caseIndex)!.name;
  const message = OUT_OF_MEMORY.test(crash.why)
    ? codeMessages.outOfMemory(name, go, crash.stack, memCap)
    : codeMessages.panicked(name, go, crash.why, crash.stack);
  return new CodeError(message, { name, diagnostics: crash.stack, cause: e instanceof GolabError ? e : failed });
}
