/**
 * Gathers evidence for the claims, per Go version: measured now where that Go is installed,
 * otherwise the recorded datasets, labelled with their dates (lab/across.ts). A version with
 * neither has no evidence, and its verdicts say so.
 */
import { gcLatency } from "../experiments";
import { measureAcross, recordedDatasets } from "../lab";
import { Evidence, evidenceFrom, evidenceFromDatasets } from "./evidence";
import { Claim, experimentsOf } from "./registry";

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
  const across = await measureAcross(claims.flatMap(experimentsOf), options);
  const evidence = across.map((v) => evidenceFrom(v.go, v.source, v.results));
  const gcCases = claims.flatMap((c) => (c.check.kind === "gcLatency" ? c.check.cases : []));
  for (const [i, v] of across.entries()) {
    if (gcCases.length === 0 || v.source !== "measured now") continue;
    options.onProgress?.(`benchmarking with GC on and off on Go ${v.go}`);
    evidence[i].gc = await gcLatency(gcCases, { go: v.spec });
  }
  return evidence;
}
