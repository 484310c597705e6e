/**
 * Gathers evidence for the claims, per Go version: measured now where that Go is installed,
 * otherwise the recorded datasets, labelled with their dates (lab/across.ts). A version with
 * neither has no evidence, and its verdicts say so.
 */
import { GolabError } from "../errors";
import { fragmentation, gcLatency, profileInlining } from "../experiments";
import { claimExperiments, evidenceOf, measureAcross, recordedDatasets, VersionResults } from "../lab";
import { experiment24 } from "../trace";
import { Evidence, evidenceFromDatasets } from "./evidence";
import { Claim } from "./registry";

export interface GatherOptions {
  /** Versions to gather, e.g. ["1.19", "1.26", "1.27"]. */
  versions: readonly string[];
  /** Measure installed versions now (default true); false uses recorded datasets only. */
  live?: boolean;
  runs?: number;
  onProgress?: (message: string) => void;
}

/** The recorded evidence of one version, or undefined when nothing is recorded for it. */
export function recordedEvidence(version: string): Evidence | undefined {
  const datasets = recordedDatasets(version);
  return datasets.length ? evidenceFromDatasets(datasets) : undefined;
}

export async function gatherEvidence(claims: readonly Claim[], options: GatherOptions): Promise<Evidence[]> {
  const across = await measureAcross(claimExperiments(claims), options);
  return withLiveExperiments(claims, across, options.onProgress);
}

/**
 * Evidence from results already gathered, plus the experiments that only run live (GC benchmarks,
 * the inlining profile, the churn time series, chapter 2.4's Delve hit counts), on the versions
 * measured now. A notebook measures once and calls this.
 */
export async function withLiveExperiments(claims: readonly Claim[], across: readonly VersionResults[], onProgress?: (m: string) => void): Promise<Evidence[]> {
  const evidence = evidenceOf(across);
  const gcCases = claims.flatMap((c) => (c.check.kind === "gcLatency" ? c.check.cases : []));
  const wantsProfile = claims.some((c) => c.check.kind === "pprofInlining");
  const wantsChurn = claims.some((c) => c.check.kind === "fragmentation");
  const wantsDelve = claims.some((c) => c.check.kind === "breakpointFrequency");
  for (const [i, v] of across.entries()) {
    if (v.source !== "measured now") continue;
    if (gcCases.length) {
      onProgress?.(`benchmarking with GC on and off on Go ${v.go}`);
      evidence[i].gc = await gcLatency(gcCases, { go: v.spec });
    }
    if (wantsProfile) {
      onProgress?.(`profiling an inlined allocation on Go ${v.go}`);
      evidence[i].pprof = await profileInlining({ go: v.spec });
    }
    if (wantsChurn) {
      onProgress?.(`churning slices and maps on Go ${v.go}`);
      evidence[i].fragmentation = await fragmentation({ go: v.spec });
    }
    if (wantsDelve) {
      onProgress?.(`counting breakpoint hits under Delve on Go ${v.go}`);
      try {
        evidence[i].breakpoints = await experiment24(undefined, { go: v.spec });
      } catch (e) {
        // No dlv that fits this Go: the claim says "no evidence" for it, with the reason shown.
        if (!(e instanceof GolabError)) throw e;
        onProgress?.(`Go ${v.go}: ${e.message}`);
      }
    }
  }
  return evidence;
}
