/**
 * Gathers evidence for the claims, per Go version: measured just now where that Go is installed
 * (one batch for the optimized builds, one for -N -l), otherwise the recorded datasets, labelled
 * with their dates. A version with neither has no evidence, and its verdicts say so.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError } from "../errors";
import { findToolchain } from "../go";
import { measureWith } from "../measure";
import { measurementsDir, readDataset } from "../record";
import { Evidence, evidenceFrom, evidenceFromDatasets } from "./evidence";
import { Claim, Experiment, experimentsOf } from "./registry";

export interface GatherOptions {
  /** Versions to gather, e.g. ["1.19", "1.26", "1.27"]. */
  versions: readonly string[];
  /** Measure installed versions now (default true); false uses recorded datasets only. */
  live?: boolean;
  runs?: number;
  onProgress?: (message: string) => void;
}

/** Distinct experiments of all claims, split by build. */
function experiments(claims: readonly Claim[]): { optimized: Experiment[]; debug: Experiment[] } {
  const seen = new Map<string, Experiment>();
  for (const e of claims.flatMap(experimentsOf)) seen.set(`${e.debug} ${JSON.stringify(e.case)}`, e);
  const all = [...seen.values()];
  return { optimized: all.filter((e) => !e.debug), debug: all.filter((e) => e.debug) };
}

/** The recorded datasets of a version ("1.19" matches go1.19.8.jsonl and go1.19.8-N-l.jsonl). */
export function recordedEvidence(version: string, dir = measurementsDir()): Evidence | undefined {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(`go${version}.`) || f.startsWith(`go${version}-`)) : [];
  if (files.length === 0) return undefined;
  return evidenceFromDatasets(files.sort().map((f) => readDataset(path.join(dir, f))));
}

export async function gatherEvidence(claims: readonly Claim[], { versions, live = true, runs = 21, onProgress }: GatherOptions): Promise<Evidence[]> {
  const { optimized, debug } = experiments(claims);
  const out: Evidence[] = [];
  for (const version of versions) {
    let tc;
    try {
      tc = live ? await findToolchain(version) : undefined;
    } catch (e) {
      if (!(e instanceof GolabError)) throw e;
      onProgress?.(`Go ${version} is not installed here: using recorded datasets`);
    }
    if (tc) {
      onProgress?.(`measuring ${optimized.length + debug.length} claim experiments on Go ${tc.version}`);
      const options = { runs, timeoutMs: 600_000, onProgress };
      const results = [
        ...(await measureWith(tc, optimized.map((e) => e.case), { ...options, debug: false })),
        ...(await measureWith(tc, debug.map((e) => e.case), { ...options, debug: true })),
      ];
      out.push(evidenceFrom(tc.version, "measured now", results));
      continue;
    }
    const recorded = recordedEvidence(version);
    if (recorded) out.push(recorded);
    else onProgress?.(`no recorded dataset for Go ${version}: its verdicts will say "no evidence"`);
  }
  return out;
}
