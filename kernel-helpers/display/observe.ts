/** Observing with a progress line in the cell: what notebooks call first. */
import { Experiment } from "../case";
import { observe, ObservationStore, ObserveOptions } from "../store";
import { progress } from "./progress";
import { PROVENANCE_MIME, provenanceOf } from "./provenance";

export { PROVENANCE_MIME, provenanceOf, VersionProvenance } from "./provenance";

/** `observe`, with its progress shown under `label` and the provenance line (and data) left when done. */
export async function observeWithProgress(label: string, experiments: readonly Experiment[], options: Omit<ObserveOptions, "onProgress">): Promise<ObservationStore> {
  const line = progress(label);
  const store = await observe(experiments, { ...options, onProgress: (m) => line.update(m) });
  line.done(store.caption(), { [PROVENANCE_MIME]: { versions: provenanceOf(store) } });
  return store;
}
