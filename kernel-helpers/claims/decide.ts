/**
 * Verdicts the way a page shows them: the store's evidence plus the live-only experiments, decided
 * and explained with the installed toolchains' source lines (runtime/map.go:345).
 */
import { ObservationStore } from "../store";
import { withLiveExperiments } from "./gather";
import { Claim } from "./registry";
import { runtimeSources } from "./runtime-source";
import { computeVerdicts, ClaimVerdict } from "./verdict";

export async function decideClaims(claims: readonly Claim[], store: ObservationStore): Promise<ClaimVerdict[]> {
  const evidence = await withLiveExperiments(claims, store);
  return computeVerdicts(claims, evidence, { sources: await runtimeSources(store.versions.map((v) => v.spec)) });
}
