/**
 * observeOwnCode: chapter 6's programs (or a reader's own) on every Go version of the chapter:
 * measured and traced now, or read from the result cache, where that Go runs; read from the
 * recordings in data/experiments (labelled `recorded <date>`) everywhere else. A version with
 * neither (a size changed and no Go to run it) says why instead of a number.
 */
import { codeExperiment, OwnCodeRow, OwnCodeSnippet } from "../experiments";
import * as path from "node:path";
import { PROVENANCE_MIME, progress, showMarkdown, VersionProvenance } from "../display";
import { LiveObservation, observe, onEveryVersion, SourceKind } from "../store";
import { recordedSamePrograms } from "./recorded-programs";
import { anyOwnCodeData, ownCodeSource } from "./tables";

/** The programs and, per Go version, what measure and trace said of them (or why nothing did). */
export interface OwnCodeObservations {
  snippets: OwnCodeSnippet[];
  versions: LiveObservation<OwnCodeRow[]>[];
}

export interface OwnCodeOptions {
  /** Go versions, e.g. ["1.19", "1.26", "1.27"]. */
  versions: readonly string[];
  /** Run installed versions (default true); false reads the recordings only. */
  live?: boolean;
  /** Read and fill the result cache (default true). */
  cache?: boolean;
  /** The progress line's label. */
  label?: string;
}

/** Measures and traces the programs on each version (or reads them), with a progress line ending on where each version's numbers came from. */
export async function observeOwnCode(snippets: readonly OwnCodeSnippet[], { versions, live = true, cache = true, label = "Your own code" }: OwnCodeOptions): Promise<OwnCodeObservations> {
  const line = progress(label);
  const store = await observe([], { versions, live, cache, onProgress: (m) => line.update(m) });
  const x = codeExperiment(snippets);
  const found = await onEveryVersion(store, x.name, x.inputs, (v) => x.run(v.spec), (m) => line.update(m));
  // Where nothing ran and nothing was recorded, say so in the reader's terms, not the recordings' file names.
  // A recording of other sizes still holds the programs whose sizes did not change.
  const observed = found.map((o, i) => (o.result || store.versions[i].toolchain ? o : recordedSamePrograms(o.spec, x) ?? { ...o, error: "not run here: not installed, or live = false; and no recording holds these programs" }));
  const provenance: VersionProvenance[] = store.versions.map((v) => {
    const o = observed.find((r) => r.spec === v.spec);
    const sources: Partial<Record<SourceKind, number>> = o?.result ? { [o.source.kind]: o.result.length } : {};
    return { spec: v.spec, go: o?.result ? o.go : v.go, ran: v.toolchain !== undefined, sources };
  });
  line.done(anyOwnCodeData(observed) ? ownCodeSource(observed) : "nothing measured or recorded", { [PROVENANCE_MIME]: { versions: provenance } });
  const recorded = observed.flatMap((o) => (o.result && o.source.kind === "recorded" ? [`Go ${o.go} on ${o.source.at.slice(0, 10)} (data/experiments/${path.basename(o.source.file)})`] : []));
  if (recorded.length) showMarkdown(`Recorded, not run here: ${recorded.join(", ")}, by \`golab record --experiments --only ${x.name}\`. How: ${x.flags.join("; ")}.`);
  return { snippets: [...snippets], versions: observed };
}
