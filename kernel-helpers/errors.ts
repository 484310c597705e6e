/**
 * Error classes of the lab. Every error a user can cause is a GolabError: the CLI prints its
 * message on one line and exits non-zero; anything else is a bug and prints a stack.
 */

/** A problem the user can fix: bad input, a missing tool, a refused size. */
export class GolabError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GolabError";
  }
}

/** A case, type expression or option that does not parse or validate. */
export class InputError extends GolabError {
  /** The offending text, or the part of it that failed. */
  readonly input: string;
  constructor(message: string, input: string) {
    super(message);
    this.name = "InputError";
    this.input = input;
  }
}

/** A tool (Go, dlv, Jupyter) or Go version that is not installed. */
export class MissingToolError extends GolabError {
  readonly tool: string;
  constructor(message: string, tool: string) {
    super(message);
    this.name = "MissingToolError";
    this.tool = tool;
  }
}

/** A child process that exceeded its time limit and was killed with its process group. */
export class TimeoutError extends GolabError {
  readonly command: string;
  readonly timeoutMs: number;
  constructor(message: string, command: string, timeoutMs: number) {
    super(message);
    this.name = "TimeoutError";
    this.command = command;
    this.timeoutMs = timeoutMs;
  }
}

/** A child process that failed (non-zero exit or killed by a signal). */
export class ProcessError extends GolabError {
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  constructor(message: string, fields: { command: string; exitCode: number | null; signal: string | null; stderr: string }) {
    super(message);
    this.name = "ProcessError";
    this.command = fields.command;
    this.exitCode = fields.exitCode;
    this.signal = fields.signal;
    this.stderr = fields.stderr;
  }
}

/** One compiler diagnostic, mapped back to the case whose probe produced it. */
export interface BuildDiagnostic {
  line: number;
  column: number;
  message: string;
  /** Index of the case in the batch, or null when the line is outside every probe. */
  caseIndex: number | null;
}

/** `go build` rejected a generated probe: a bug in the generator, or a Go version that lacks a feature. */
export class GoBuildError extends GolabError {
  readonly diagnostics: BuildDiagnostic[];
  readonly goVersion: string;
  constructor(message: string, fields: { diagnostics: BuildDiagnostic[]; goVersion: string; cause?: unknown }) {
    super(message, { cause: fields.cause });
    this.name = "GoBuildError";
    this.diagnostics = fields.diagnostics;
    this.goVersion = fields.goVersion;
  }
}

/** A recorded dataset line that does not validate; names the file and line. */
export class DatasetError extends GolabError {
  readonly file: string;
  readonly line: number;
  constructor(message: string, file: string, line: number) {
    super(message);
    this.name = "DatasetError";
    this.file = file;
    this.line = line;
  }
}

/**
 * The user's own code (a code case) that the lab refuses, that does not compile, or that failed
 * while it ran: said in the user's terms, their file name and their line numbers.
 */
export class CodeError extends InputError {
  /** The file name the user sees. */
  readonly file: string;
  /** The compiler's (or parser's) messages, `name:line:column: message`, or the panic's stack. */
  readonly diagnostics: string[];
  constructor(message: string, fields: { name: string; diagnostics?: string[]; cause?: unknown }) {
    super(message, fields.name);
    if (fields.cause !== undefined) (this as { cause?: unknown }).cause = fields.cause;
    this.name = "CodeError";
    this.file = fields.name;
    this.diagnostics = fields.diagnostics ?? [];
  }
}

/** Output that cannot be written: not a folder, read-only, full, or a place no file can be made (/proc). */
export class OutputError extends GolabError {
  /** The file or folder golab was asked to write. */
  readonly path: string;
  /** The system's error code (ENOSPC, EROFS, ...), or "" when golab refused before trying. */
  readonly code: string;
  constructor(message: string, path: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OutputError";
    this.path = path;
    this.code = code;
  }
}
