/**
 * Chapter 6's tables, Go versions as columns: per program the count and bytes per call; per line
 * of a program what the traced call allocated there (how many, of which type, through which
 * function); per line the compiler's escape decisions. Every cell is written from a run or a
 * recording; "—" where a version has none.
 */
import * as aq from "arquero";
import { formatBytes } from "../bytes";
import type { OwnCodeKind, OwnCodeRow, OwnCodeSnippet } from "../experiments";
import { describeSource, LiveObservation } from "../store";

type Versions = readonly LiveObservation<OwnCodeRow[]>[];

/** Per version where its numbers came from: "Go 1.26.8: measured now; Go 1.19: no data (…)". */
export function ownCodeSource(versions: Versions, verb = "measured"): string {
  const missing = versions.filter((v) => !v.result);
  // The versions without data usually share one reason: said once.
  const reasons = [...new Set(missing.map((v) => v.error ?? "not run"))];
  const why = reasons.length === 1 && missing.length > 1 ? [`no data for Go ${missing.map((v) => v.go).join(", ")} (${reasons[0]})`] : missing.map((v) => `Go ${v.go}: no data (${v.error ?? "not run"})`);
  return [...versions.filter((v) => v.result).map((v) => `Go ${v.go}: ${describeSource(v.source, verb)}`), ...why].join("; ");
}

/** True when some version has data. */
export function anyOwnCodeData(versions: Versions): boolean {
  return versions.some((v) => v.result !== undefined);
}

const column = (v: LiveObservation<unknown>) => `Go ${v.go}`;

/** The Go version columns of a table, kept on the page even where every row agrees. */
export const versionColumnNames = (versions: Versions): string[] => versions.map(column);

/** The row of a program on one version, if that version has data. */
function rowOf(v: LiveObservation<OwnCodeRow[]>, name: string): OwnCodeRow | undefined {
  return v.result?.find((r) => r.name === name);
}

/** "99 mallocs, 10.5 KiB" ("2–3 mallocs (median 2), …" where calls differed). */
function countText(r: OwnCodeRow): string {
  const n = r.range ? `${r.range[0]}–${r.range[1]}` : String(r.mallocs);
  return `${n} malloc${n === "1" ? "" : "s"}${r.range ? ` (median ${r.mallocs})` : ""}, ${formatBytes(r.allocatedBytes)}`;
}

/** One row per program of `lesson`: mallocs and bytes taken per call, per version. */
export function ownCodeCounts(snippets: readonly OwnCodeSnippet[], versions: Versions, lesson: string): aq.ColumnTable {
  return aq.from(snippets.filter((s) => s.lesson === lesson).map((s) => ({
    program: s.name,
    ...Object.fromEntries(versions.map((v) => {
      const r = rowOf(v, s.name);
      return [column(v), r ? countText(r) : "—"];
    })),
  })));
}

/**
 * "4 × struct { F uintptr; X0 int }, 64 B, via runtime.newobject", "1 × raw memory, 7 B (in a tiny
 * block already taken), via fmt.Sprintf → runtime.slicebytetostring": how many, of which type (a
 * nil type is raw memory: string and byte data), the bytes asked and, where different, taken,
 * the function the line called and the runtime function that asked (left out when it is the
 * program's own function: the compiler allocated there).
 */
export function kindText(k: OwnCodeKind): string {
  const taken = k.allocatedBytes === 0 ? " (in a tiny block already taken)" : k.allocatedBytes !== k.bytes ? ` (${formatBytes(k.allocatedBytes)} taken)` : "";
  const via = k.via === k.site || k.site.startsWith("main.") ? k.via : `${k.via} → ${k.site}`;
  return `${k.count} × ${k.type ?? "raw memory"}, ${formatBytes(k.bytes)}${taken}, via ${via}`;
}

/** The text of a program's line, trimmed. */
const lineText = (s: OwnCodeSnippet, line: number) => (s.case.source.split("\n")[line - 1] ?? "").trim();

/** The lines of a program that allocated on some version, in line order. */
function allocatingLines(s: OwnCodeSnippet, versions: Versions): number[] {
  return [...new Set(versions.flatMap((v) => rowOf(v, s.name)?.lines.map((l) => l.line) ?? []))].sort((a, b) => a - b);
}

/**
 * One row per line of `lesson`'s programs that allocated in the traced call on some version: per
 * version what it allocated, "none" where that version allocated nothing there.
 */
export function ownCodeLines(snippets: readonly OwnCodeSnippet[], versions: Versions, lesson: string): aq.ColumnTable {
  return aq.from(snippets.filter((s) => s.lesson === lesson).flatMap((s) => allocatingLines(s, versions).map((line) => ({
    program: s.name, line, code: lineText(s, line),
    ...Object.fromEntries(versions.map((v) => {
      const r = rowOf(v, s.name);
      const l = r?.lines.find((x) => x.line === line);
      return [column(v), !r ? "—" : l ? l.kinds.map(kindText).join("; ") : "none"];
    })),
  }))));
}

/** One row per line of `lesson`'s programs that the compiler said something about (-m): its decisions, per version. */
export function ownCodeEscapes(snippets: readonly OwnCodeSnippet[], versions: Versions, lesson: string): aq.ColumnTable {
  return aq.from(snippets.filter((s) => s.lesson === lesson).flatMap((s) => {
    const lines = [...new Set(versions.flatMap((v) => rowOf(v, s.name)?.escape.map((e) => e.line) ?? []))].sort((a, b) => a - b);
    return lines.map((line) => ({
      program: s.name, line, code: lineText(s, line),
      ...Object.fromEntries(versions.map((v) => {
        const r = rowOf(v, s.name);
        const said = [...new Set(r?.escape.filter((e) => e.line === line).map((e) => e.message) ?? [])];
        return [column(v), !r ? "—" : said.join("; ") || "nothing"];
      })),
    }));
  }));
}
