/**
 * The Go versions a course export was built with, read from the run itself: each chapter's
 * observe step leaves its provenance as data in its output (display/observe.ts), and the index
 * says what it holds, so no version or date is ever typed into a page.
 */
import { Notebook } from "../jupyter";
import { PROVENANCE_MIME, VersionProvenance } from "../display/provenance";
import type { SourceKind } from "../store/source";

/** Every version's provenance one executed notebook recorded. */
export function provenanceIn(nb: Notebook): VersionProvenance[] {
  return nb.cells.flatMap((c) => ((c as { outputs?: { data?: Record<string, unknown> }[] }).outputs ?? []))
    .map((o) => o.data?.[PROVENANCE_MIME] as { versions?: VersionProvenance[] } | undefined)
    .flatMap((p) => p?.versions ?? []);
}

/** One entry per Go version over all chapters: run if any chapter ran it, source counts added up. */
export function mergeProvenance(all: readonly VersionProvenance[]): VersionProvenance[] {
  const byGo = new Map<string, VersionProvenance>();
  for (const v of all) {
    const seen = byGo.get(v.go) ?? { spec: v.spec, go: v.go, ran: false, sources: {} };
    seen.ran ||= v.ran;
    for (const [kind, n] of Object.entries(v.sources) as [SourceKind, number][]) seen.sources[kind] = (seen.sources[kind] ?? 0) + n;
    byGo.set(v.go, seen);
  }
  return [...byGo.values()].sort((a, b) => a.go.localeCompare(b.go, "en", { numeric: true }));
}

const KIND_TEXT: Record<SourceKind, string> = { live: "measured during the export", cached: "from the result cache", recorded: "from recorded datasets", simulated: "simulated" };

/** "Go 1.26.8, run on this machine: 12 results measured during the export, 40 from the result cache." */
export function describeVersion(v: VersionProvenance): string {
  const counts = (Object.entries(v.sources) as [SourceKind, number][]).map(([k, n]) => `${n} ${KIND_TEXT[k]}`);
  return `Go ${v.go}, ${v.ran ? "run on this machine" : "not run (no such Go installed, or live = false)"}${counts.length ? `: ${counts.join(", ")}` : ""}`;
}
