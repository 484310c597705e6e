/**
 * The user's terms: what the compiler, the runtime and Delve say about a code case, rewritten to
 * the names the user wrote. The user's file is reported as `code<i>.go` (the line directive's
 * name, with or without a folder) and becomes the user's file name; its package
 * `golabprobe/code<i>` becomes `main`, the package the code would be in under `go run`. Line
 * numbers need no change: they are the user's own already (files.ts); columns on line 1 lose the
 * package clause written before it.
 */
import { CRASH_LINE } from "../proc";
import { codeFileName, codePackage, packageClause, UserCode } from "./files";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rewrites file names and package qualifiers of case `caseIndex` in any text. */
export function inUserTerms(text: string, caseIndex: number, name: string, module: string): string {
  const file = new RegExp(`(?:[^\\s():]*/)?${escapeRegExp(codeFileName(caseIndex))}(?=[:)\\s]|$)`, "g");
  const qualified = new RegExp(`(?:${escapeRegExp(module)}/)?\\b${escapeRegExp(codePackage(caseIndex))}\\.(?=[\\w(*])`, "g");
  return text.replace(file, name).replace(qualified, "main.");
}

/** Which case a compiler or runtime position belongs to: the case index in `code<i>.go`, or null. */
export function caseOfFile(file: string): number | null {
  const m = /(?:^|\/)code(\d+)\.go$/.exec(file);
  return m ? Number(m[1]) : null;
}

/** One compiler line about a user's file, in the user's terms. */
export interface CodeDiagnostic {
  caseIndex: number;
  line: number;
  text: string;
}

const POSITION = /^(\S*?\.go):(\d+)(?::(\d+))?: (.*)$/;

/** `go build`'s error lines about the users' files (not its -m report), in the user's terms. */
export function compileDiagnostics(stderr: string, code: readonly UserCode[], module: string): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  for (const raw of stderr.split("\n")) {
    const m = POSITION.exec(raw.trim());
    if (!m) continue;
    const caseIndex = caseOfFile(m[1]);
    const user = code.find((c) => c.caseIndex === caseIndex);
    if (!user || isEscapeNote(m[4])) continue;
    const line = Number(m[2]);
    const column = m[3] === undefined ? undefined : userColumn(line, Number(m[3]), user.caseIndex);
    const at = `${user.name}:${line}${column === undefined ? "" : `:${column}`}`;
    out.push({ caseIndex: user.caseIndex, line, text: `${at}: ${inUserTerms(m[4], user.caseIndex, user.name, module)}` });
  }
  return out;
}

/** The user's column of a compiler column: line 1 starts after the package clause. */
export function userColumn(line: number, column: number, caseIndex: number): number {
  const shift = packageClause(caseIndex).length;
  return line === 1 && column > shift ? column - shift : column;
}

/** A Go program's crash: why, and the frames of the user's files on the failing goroutine. */
export interface CodeCrash {
  caseIndex: number;
  /** The `panic: …` or `fatal error: …` line, in the user's terms. */
  why: string;
  /** "main.probe (snippet.go:8)", innermost first. */
  stack: string[];
}

/** A -m note (escape analysis, inlining), which the compiler prints beside its errors. */
export function isEscapeNote(message: string): boolean {
  return /escapes to heap|does not escape|moved to heap|inlin|leaking param/.test(message);
}

/**
 * Reads a Go traceback (stderr of a crashed program): the first `panic:` or `fatal error:` line
 * and the first goroutine's frames, of which the ones in a user's file. Null when no user frame
 * is on it (the crash is not the user's code).
 */
export function crashOf(stderr: string, code: readonly UserCode[], module: string): CodeCrash | null {
  const lines = stderr.split("\n");
  const why = lines.find((l) => CRASH_LINE.test(l));
  const frames: { fn: string; file: string; line: number }[] = [];
  // A fatal error's traceback names its goroutines with more fields: "goroutine 1 gp=… m=0 [running]:".
  const start = lines.findIndex((l) => /^goroutine \d+ .*\[.*\]:$/.test(l));
  if (start < 0) return null;
  for (let i = start + 1; i + 1 < lines.length && lines[i].trim() !== ""; i++) {
    const at = /^\t(.+?\.go):(\d+)/.exec(lines[i + 1]);
    if (!at) continue;
    frames.push({ fn: lines[i].replace(/\([^()]*\)$/, ""), file: at[1], line: Number(at[2]) });
    i++;
  }
  const userFrames = frames.filter((f) => caseOfFile(f.file) !== null);
  if (userFrames.length === 0) return null;
  const caseIndex = caseOfFile(userFrames[0].file)!;
  const user = code.find((c) => c.caseIndex === caseIndex);
  if (!user) return null;
  const terms = (s: string) => inUserTerms(s, caseIndex, user.name, module);
  return {
    caseIndex,
    why: terms(why ?? lines.find((l) => l.trim() !== "") ?? ""),
    stack: userFrames.map((f) => terms(`${f.fn} (${path(f.file)}:${f.line})`)),
  };
}

const path = (file: string) => file.slice(file.lastIndexOf("/") + 1);
