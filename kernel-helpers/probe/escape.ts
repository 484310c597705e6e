/**
 * Reads the compiler's escape-analysis report (`-gcflags=-m`) and maps each line back to the
 * case whose probe function it is in: by line range in main.go, or, for a code case, by its own
 * file (whose lines are the user's: ../code/files.ts).
 */
import { caseOfFile } from "../code/terms";

export interface EscapeDecision {
  line: number;
  column: number;
  /** The expression the compiler named: `make(map[int]int, 1000)`, `s`, `new(int)`. */
  expr: string;
  decision: "heap" | "stack";
  /** The compiler's words, without the file position. */
  message: string;
}

const LINE = /^(\S*?\.go):(\d+):(\d+): (.*)$/;

/** Parses `-m` output and returns, for each case, the decisions inside its line range. */
export function escapeDecisionsByCase(
  compilerOutput: string,
  caseLines: readonly { start: number; end: number }[],
): EscapeDecision[][] {
  const perCase: EscapeDecision[][] = caseLines.map(() => []);
  for (const raw of compilerOutput.split("\n")) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const decision = parseDecision(m[4]);
    if (!decision) continue;
    const line = Number(m[2]);
    const index = /^(\.\/)?main\.go$/.test(m[1]) ? caseLines.findIndex((r) => line >= r.start && line <= r.end) : (caseOfFile(m[1]) ?? -1);
    if (index < 0 || index >= perCase.length) continue;
    perCase[index].push({ line, column: Number(m[3]), ...decision, message: m[4] });
  }
  return perCase;
}

function parseDecision(message: string): { expr: string; decision: "heap" | "stack" } | null {
  let m = /^(.*) escapes to heap$/.exec(message);
  if (m) return { expr: m[1], decision: "heap" };
  m = /^(.*) does not escape$/.exec(message);
  if (m) return { expr: m[1], decision: "stack" };
  m = /^moved to heap: (.*)$/.exec(message);
  if (m) return { expr: m[1], decision: "heap" };
  return null;
}
