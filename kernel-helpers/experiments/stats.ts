/**
 * Statistics for timings on a noisy machine, as benchstat computes them: the median of repeated
 * runs with a distribution-free confidence interval from order statistics, and a comparison that
 * says "no difference shown" when the two intervals overlap.
 */

/** A median with its confidence interval. */
export interface MedianInterval {
  median: number;
  /** Bounds of the interval: order statistics of the sorted runs. */
  lo: number;
  hi: number;
  /** Number of runs. */
  n: number;
  /**
   * The interval's actual coverage (at least `level` when there are enough runs; with fewer, the
   * whole range, whose coverage 1 − 2/2ⁿ is below the level asked for).
   */
  confidence: number;
  /** The confidence level asked for, e.g. 0.95. */
  level: number;
}

/** The median of the values (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(n: number, k: number): number {
  let term = Math.pow(0.5, n);
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * Median and its confidence interval [x₍k₎, x₍n−k+1₎] (1-based order statistics), with k the
 * largest for which the interval covers the true median with probability ≥ level: each run is
 * above or below the median with probability ½, so coverage is 1 − 2·P(Bin(n, ½) ≤ k − 1). This
 * is the interval benchstat reports; for 10 runs at 95% it is [x₍2₎, x₍9₎] (coverage 97.9%).
 */
export function medianInterval(values: readonly number[], level = 0.95): MedianInterval {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("medianInterval: values must be finite numbers");
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const coverage = (k: number) => 1 - 2 * binomialHalfCdf(n, k - 1);
  let k = 1;
  while (k + 1 <= n - k && coverage(k + 1) >= level) k++;
  return { median: median(s), lo: s[k - 1], hi: s[n - k], n, confidence: coverage(k), level };
}

/** True when the two intervals share any value. */
export function overlaps(a: MedianInterval, b: MedianInterval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/**
 * How two conditions compare: "lower" or "higher" (a against b) only when their intervals do not
 * overlap and each interval reaches the level asked for; otherwise "no difference shown".
 */
export function compareMedians(a: MedianInterval, b: MedianInterval): "lower" | "higher" | "no difference shown" {
  if (overlaps(a, b) || a.confidence < a.level || b.confidence < b.level) return "no difference shown";
  return a.hi < b.lo ? "lower" : "higher";
}

/** "61.2 ns [58.0, 66.3] (median, 95% CI of 10 runs)" style text: the median and its interval. */
export function describeInterval(x: MedianInterval, unit: string, digits = 1): string {
  const f = (v: number) => v.toFixed(digits);
  return `${f(x.median)} ${unit} [${f(x.lo)}, ${f(x.hi)}]`;
}
