/**
 * What went wrong in a cell. tslab replies `status: error` without an `error` message: a thrown
 * error's stack, a rejected promise or an interrupt is printed to stderr (console.error of the
 * value), and a type error prints `line:col - message` lines. This reads them back.
 */

/** Why a cell did not succeed. */
export type CellErrorKind = "exception" | "compile" | "interrupted" | "timeout" | "kernel-died" | "aborted";

/** A failed cell, in the shape of an nbformat error output plus what golab knows. */
export interface CellError {
  kind: CellErrorKind;
  /** Error class name ("Error", "RangeError", "TypeScript"), or "" for a thrown non-Error value. */
  ename: string;
  /** The message. */
  evalue: string;
  /** Stack frames in the cell's code and the modules it called, without tslab's own frames. */
  stack: string[];
  /** What the kernel printed for it, as printed. */
  text: string;
}

const DIAGNOSTIC = /^(?:\S+ )?\d+:\d+ - .*$/;
const FRAME = /^\s+at /;
const HEADER = /^([A-Za-z_$][\w$]*)(?: \[[^\]]+\])?(?::(?: ([\s\S]*))?)?$/;
// Frames of tslab and Node's vm module: the same for every cell, and no help to a reader.
const INTERNAL_FRAME = /^\s+at (?:sigintHandlersWrap|Script\.runIn|Object\.runInThisContext|.*[\\/]tslab[\\/]dist[\\/]|.*\(node:vm:|async ZmqServer|async JupyterHandlerImpl|JupyterHandlerImpl\.)/;
function isHeaderLine(line: string): boolean {
  const m = /^([A-Za-z_$][\w$]*)(?: \[[^\]]+\])?(: |:$|$)/.exec(line);
  return m !== null && (m[2] !== "" || /(?:Error|Exception)$/.test(m[1]));
}
const INTERRUPTED = [/^Script execution was interrupted by `SIGINT`/, /^Interrupted asynchronously$/];

/** A one-line summary: "Error: boom", "1:8 - Cannot find name 'x'.", or the printed value. */
export function summarize(e: CellError): string {
  const first = e.evalue.split("\n")[0] ?? "";
  return e.ename && e.kind !== "compile" ? `${e.ename}: ${first}` : first;
}

/**
 * Reads the error of a failed tslab cell from its stderr writes (each write as it arrived; the
 * error is the last one, since tslab prints it after the cell's own output).
 */
export function parseTslabError(stderrChunks: readonly string[]): CellError {
  const all = stderrChunks.join("");
  const diagnostics = all.split("\n").filter((l) => DIAGNOSTIC.test(l));
  if (diagnostics.length > 0) {
    return { kind: "compile", ename: "TypeScript", evalue: diagnostics.join("\n"), stack: [], text: diagnostics.join("\n") };
  }
  const text = (stderrChunks[stderrChunks.length - 1] ?? "").replace(/\n+$/, "");
  const lines = text.split("\n");
  let lastFrame = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (FRAME.test(lines[i])) {
      lastFrame = i;
      break;
    }
  }
  if (lastFrame < 0) {
    // A thrown string, number, object...: console.error printed the value itself.
    return { kind: "exception", ename: "", evalue: text, stack: [], text };
  }
  let firstFrame = lastFrame;
  while (firstFrame > 0 && FRAME.test(lines[firstFrame - 1])) firstFrame--;
  // The header ("Error: message", possibly over several lines) ends at the first frame and starts
  // at a header line that opens the text or follows a blank line (Node puts one below the source
  // excerpt of an uncaught error).
  let start = 0;
  for (let h = firstFrame - 1; h >= 0; h--) {
    if ((h === 0 || lines[h - 1] === "") && isHeaderLine(lines[h])) {
      start = h;
      break;
    }
  }
  const headerText = lines.slice(start, firstFrame).join("\n");
  const m = HEADER.exec(headerText);
  const ename = m ? m[1] : "";
  const evalue = m ? (m[2] ?? "") : headerText;
  const frames = lines.slice(firstFrame, lastFrame + 1);
  const cut = frames.findIndex((f) => INTERNAL_FRAME.test(f));
  const stack = (cut < 0 ? frames : frames.slice(0, cut)).map((f) => f.trim());
  const kind = INTERRUPTED.some((r) => r.test(evalue)) ? "interrupted" : "exception";
  return { kind, ename, evalue, stack, text };
}
