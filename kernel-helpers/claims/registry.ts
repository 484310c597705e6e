/**
 * The claims registry (data/claims.json): each claim of the seed article with its id, what the
 * article says, and the experiment that tests it. Loading validates every case in it.
 */
import * as path from "node:path";
import { parseCase, Case } from "../case";
import { GolabError } from "../errors";

/** How a claim is tested; each kind has one function in checks.ts. */
export type Check =
  | { kind: "allocations"; case?: string; cases?: string[]; debug: boolean }
  | { kind: "debugSameAsOptimized"; cases: string[] }
  | { kind: "pathTable"; cases: string[] }
  | { kind: "ninthInsert"; make: string; eight: string; nine: string }
  | { kind: "mallocsByCase"; cases: string[] }
  | { kind: "mapEscapes"; cases: string[] }
  | { kind: "loadFactor"; before: string; after: string; emptySlice: string }
  | { kind: "perInsert"; empty: string; values: string; pointers: string }
  | { kind: "reduction"; cases: [string, string] }
  | { kind: "untestable"; reason: string }
  | { kind: "pending"; needs: string };

export interface Claim {
  id: string;
  chapter: number;
  claim: string;
  /** What the article says, as numbers where it gives them. */
  article: Record<string, unknown>;
  check: Check;
  /** Variants shown beside the deciding experiment (e.g. the escaping program). */
  also?: { case: string; debug: boolean }[];
}

/** One run a claim needs: a case and the build it is measured with. */
export interface Experiment {
  case: Case;
  debug: boolean;
}

const REGISTRY = path.resolve(__dirname, "..", "..", "..", "data", "claims.json");

/** Reads and validates the registry. */
export function loadClaims(file = REGISTRY): Claim[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { claims } = require(file) as { claims: Claim[] };
  for (const c of claims) {
    try {
      experimentsOf(c);
    } catch (e) {
      throw new GolabError(`claim ${c.id} in ${file}: ${(e as Error).message}`);
    }
  }
  return claims;
}

/** Every (case, build) a claim's check and its variants need, parsed. */
export function experimentsOf(claim: Claim): Experiment[] {
  const c = claim.check;
  const opt = (texts: string[], debug = false) => texts.map((t) => ({ case: parseCase(t), debug }));
  const also = (claim.also ?? []).map((a) => ({ case: parseCase(a.case), debug: a.debug }));
  switch (c.kind) {
    case "allocations":
      return [...opt(c.cases ?? [c.case!], c.debug), ...also];
    case "debugSameAsOptimized":
      return [...opt(c.cases, false), ...opt(c.cases, true)];
    case "pathTable":
    case "mallocsByCase":
    case "mapEscapes":
    case "reduction":
      return [...opt(c.cases), ...also];
    case "ninthInsert":
      return opt([c.make, c.eight, c.nine]);
    case "loadFactor":
      return opt([c.before, c.after, c.emptySlice]);
    case "perInsert":
      return opt([c.empty, c.values, c.pointers]);
    case "untestable":
    case "pending":
      return [];
  }
}
