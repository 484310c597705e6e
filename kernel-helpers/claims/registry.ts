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
  | { kind: "debugSameAsOptimized"; groups: { says: string; cases: string[] }[] }
  | { kind: "pathTable"; cases: string[] }
  | { kind: "ninthInsert"; make: string; eight: string; nine: string }
  | { kind: "mallocsByCase"; cases: string[] }
  | { kind: "mapEscapes"; cases: string[] }
  | { kind: "slicesStay"; cases: string[] }
  | { kind: "loadFactor"; before: string; after: string }
  | { kind: "perInsert"; empty: string; values: string; pointers: string }
  | { kind: "reduction"; cases: [string, string] }
  | { kind: "gcLatency"; cases: string[] }
  | { kind: "pprofInlining" }
  | { kind: "fragmentation" }
  | { kind: "breakpointFrequency" }
  | { kind: "untestable"; reason: string }
  | { kind: "pending"; needs: string }
  | { kind: "parts"; parts: ClaimPart[] };

/**
 * One part of a compound claim, decided on its own: what the article says in that part, its
 * numbers, and the check that tests it. The claim's verdict follows from its parts.
 */
export interface ClaimPart {
  says: string;
  article: Record<string, unknown>;
  check: Check;
  also?: { case: string; debug: boolean }[];
}

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
  /**
   * The same claim at the reader's parameter values, when they differ from the article's: the
   * claim itself is then decided at the article's values, and this shows what happens at the reader's.
   */
  reader?: Claim;
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

const NOT_CASES = new Set(["kind", "reason", "needs"]);

/** Fills {name} in every case text of a check, however deep (parts hold checks of their own). */
function fillCheck(v: unknown, values: ClaimParameters, id: string): unknown {
  if (typeof v === "string") return fill(v, values, id);
  if (Array.isArray(v)) return v.map((x) => fillCheck(x, values, id));
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => {
      if (NOT_CASES.has(k)) return [k, x];
      if (k === "article") return [k, fillArticle(x as Record<string, unknown>, values, id)];
      return [k, fillCheck(x, values, id)];
    }));
  }
  return v;
}

const fillArticle = (a: Record<string, unknown>, values: ClaimParameters, id: string) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, articleValue(v, values, id)]));

function at(claim: Claim, values: ClaimParameters): Claim {
  return {
    ...claim,
    parameters: values,
    article: fillArticle(claim.article, values, claim.id),
    check: fillCheck(claim.check, values, claim.id) as Check,
    also: claim.also?.map((a) => ({ ...a, case: fill(a.case, values, claim.id) })),
  };
}

/**
 * The claim with its cases and article values filled in at the article's own sizes. When the
 * caller sets other values (only names the claim declares; whole numbers), the claim is still
 * decided at the article's sizes, and `reader` holds it at the caller's, to show beside it.
 * Claims without parameters come back unchanged.
 */
export function instantiate(claim: Claim, overrides: ClaimParameters = {}): Claim {
  const article: ClaimParameters = { ...claim.parameters };
  const values: ClaimParameters = { ...article };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in values)) continue;
    if (!Number.isSafeInteger(v) || v < 0) throw new InputError(`parameter ${k} must be a whole number, not ${JSON.stringify(v)}`, String(v));
    values[k] = v;
  }
  const own = at(claim, article);
  const differs = Object.keys(article).some((k) => article[k] !== values[k]);
  return differs ? { ...own, reader: at(claim, values) } : own;
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

/**
 * Every (case, build) a claim's check and its variants need, parsed; at the article's parameter
 * values and, where the reader set others, at theirs too.
 */
export function experimentsOf(claim: Claim): Experiment[] {
  return [...experimentsOfCheck(claim), ...(claim.reader ? experimentsOfCheck(claim.reader) : [])];
}

function experimentsOfCheck(claim: Pick<Claim, "check" | "also">): Experiment[] {
  const c = claim.check;
  const opt = (texts: string[], debug = false) => texts.map((t) => ({ case: parseCase(t), debug }));
  const also = (claim.also ?? []).map((a) => ({ case: parseCase(a.case), debug: a.debug }));
  switch (c.kind) {
    case "allocations":
      return [...opt(c.cases ?? [c.case!], c.debug), ...also];
    case "debugSameAsOptimized": {
      const cases = c.groups.flatMap((g) => g.cases);
      return [...opt(cases, false), ...opt(cases, true)];
    }
    case "parts":
      return c.parts.flatMap((p) => experimentsOfCheck(p));
    case "pathTable":
    case "mallocsByCase":
    case "mapEscapes":
    case "slicesStay":
    case "reduction":
      return [...opt(c.cases), ...also];
    case "ninthInsert":
      return opt([c.make, c.eight, c.nine]);
    case "loadFactor":
      return opt([c.before, c.after]);
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
