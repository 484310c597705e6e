/**
 * The claims registry (data/claims.json): each claim of the seed article with its id, what the
 * article says, and the experiment that tests it. Loading validates every case in it.
 */
import * as path from "node:path";
import { Experiment, parseCase } from "../case";
import { GolabError, InputError } from "../errors";

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
  | { kind: "gcLatency"; cases: string[] }
  | { kind: "pprofInlining" }
  | { kind: "fragmentation" }
  | { kind: "breakpointFrequency" }
  | { kind: "untestable"; reason: string }
  | { kind: "pending"; needs: string };

export interface Claim {
  id: string;
  chapter: number;
  claim: string;
  /** Named sizes the cases use as {name}, with the article's values as defaults. */
  parameters?: Record<string, number>;
  /** What the article says, as numbers where it gives them. */
  article: Record<string, unknown>;
  check: Check;
  /** Variants shown beside the deciding experiment (e.g. the escaping program). */
  also?: { case: string; debug: boolean }[];
}

const REGISTRY = path.resolve(__dirname, "..", "..", "..", "data", "claims.json");

/** Parameter values a notebook or the CLI sets: whole numbers only, never text. */
export type ClaimParameters = Record<string, number>;

function fill(text: string, values: ClaimParameters, id: string): string {
  return text.replace(/\{([a-z]+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new InputError(`claim ${id} has no parameter ${JSON.stringify(name)}`, name);
    return String(v);
  });
}

/** An article value: as written, or, where it names parameters, a product such as "8*{len}". */
function articleValue(v: unknown, values: ClaimParameters, id: string): unknown {
  if (typeof v !== "string") return Array.isArray(v) ? v.map((x) => articleValue(x, values, id)) : v;
  if (!v.includes("{")) return v;
  const filled = fill(v, values, id);
  if (!/^\d+(\*\d+)*$/.test(filled)) throw new GolabError(`claim ${id}: article value ${JSON.stringify(v)} is not a product of whole numbers`);
  return filled.split("*").reduce((a, b) => a * Number(b), 1);
}

/**
 * The claim with its cases and article values filled in: the article's own sizes by default, or
 * the caller's (only names the claim declares; whole numbers). Other claims come back unchanged.
 */
export function instantiate(claim: Claim, overrides: ClaimParameters = {}): Claim {
  const values: ClaimParameters = { ...claim.parameters };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in values)) continue;
    if (!Number.isSafeInteger(v) || v < 0) throw new InputError(`parameter ${k} must be a whole number, not ${JSON.stringify(v)}`, String(v));
    values[k] = v;
  }
  const cases = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "string" && k !== "kind" && k !== "reason" && k !== "needs" ? fill(v, values, claim.id) : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? fill(x, values, claim.id) : x)) : v]));
  return {
    ...claim,
    parameters: values,
    article: Object.fromEntries(Object.entries(claim.article).map(([k, v]) => [k, articleValue(v, values, claim.id)])),
    check: cases(claim.check as unknown as Record<string, unknown>) as unknown as Check,
    also: claim.also?.map((a) => ({ ...a, case: fill(a.case, values, claim.id) })),
  };
}

/** Reads and validates the registry. */
export function loadClaims({ file = REGISTRY, parameters = {} }: { file?: string; parameters?: ClaimParameters } = {}): Claim[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = (require(file) as { claims: Claim[] }).claims;
  const claims = raw.map((c) => instantiate(c, parameters));
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
    case "gcLatency":
    case "pprofInlining":
    case "fragmentation":
    case "breakpointFrequency":
    case "untestable":
    case "pending":
      return [];
  }
}
