/**
 * A chapter's provenance as data: which Go versions it asked for, which ran, and where its
 * results came from. Apart from observe.ts so the course export reads it without loading the store.
 */
import type { ObservationStore, SourceKind } from "../store";

/**
 * The mime type of the provenance a chapter's observe step leaves in its output, as data: which
 * Go versions the chapter asked for, which were run, and how many results came from where. The
 * course export reads it for the index page; renderers ignore a type they do not know.
 */
export const PROVENANCE_MIME = "application/vnd.golab.provenance+json";

/** One Go version of a chapter's store, as the provenance output records it. */
export interface VersionProvenance {
  spec: string;
  /** Full version where known ("1.26.8"). */
  go: string;
  /** A Go toolchain of this version was installed and allowed to run. */
  ran: boolean;
  /** Results by where they came from; `simulated` counts the experiments the simulator answers. */
  sources: Partial<Record<SourceKind, number>>;
}

/** What a store knows, version by version, for the provenance output. */
export function provenanceOf(store: ObservationStore): VersionProvenance[] {
  return store.versions.map((v) => {
    const sources: Partial<Record<SourceKind, number>> = {};
    for (const o of v.observed.values()) sources[o.source.kind] = (sources[o.source.kind] ?? 0) + 1;
    if (v.missing.length) sources.simulated = (sources.simulated ?? 0) + v.missing.length;
    return { spec: v.spec, go: v.go, ran: v.toolchain !== undefined, sources };
  });
}
