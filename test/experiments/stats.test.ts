/**
 * The statistics behind timing verdicts, on synthetic numbers chosen by the test (not timings of
 * anything): medians, benchstat's order-statistic 95% interval, and overlap.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareMedians, median, medianInterval, overlaps } from "../../kernel-helpers/experiments";

const shuffled = (xs: number[]) => [...xs].sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13));

test("median: the middle value, or the mean of the two middle ones; order does not matter", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median(shuffled([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), 5.5);
  assert.throws(() => median([]), RangeError);
});

test("10 runs: the 95% interval is the 2nd and 9th of the sorted runs, covering 97.9%", () => {
  const x = medianInterval(shuffled([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]));
  assert.deepEqual([x.median, x.lo, x.hi, x.n], [55, 20, 90, 10]);
  assert.ok(Math.abs(x.confidence - (1 - 2 * 11 / 1024)) < 1e-12, String(x.confidence));
});

test("20 runs: the 6th and 15th (coverage 95.9%); an 85% level gives the 7th and 14th", () => {
  const runs = Array.from({ length: 20 }, (_, i) => i + 1);
  const x = medianInterval(runs);
  assert.deepEqual([x.lo, x.hi], [6, 15]);
  assert.ok(x.confidence >= 0.95 && x.confidence < 0.96);
  const y = medianInterval(runs, 0.85);
  assert.deepEqual([y.lo, y.hi], [7, 14]);
});

test("5 runs cannot give 95%: the interval is the whole range, and says its lower coverage", () => {
  const x = medianInterval([5, 1, 4, 2, 3]);
  assert.deepEqual([x.lo, x.hi], [1, 5]);
  assert.equal(x.confidence, 1 - 2 / 32);
  assert.equal(compareMedians(x, medianInterval([100, 101, 102, 103, 104])), "no difference shown", "too few runs decide nothing");
});

test("overlapping intervals show no difference; separate ones say which is lower", () => {
  const low = medianInterval([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  const high = medianInterval([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
  const near = medianInterval([17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
  assert.equal(overlaps(low, near), true);
  assert.equal(compareMedians(low, near), "no difference shown");
  assert.equal(compareMedians(low, high), "lower");
  assert.equal(compareMedians(high, low), "higher");
});

test("non-finite values are refused", () => {
  assert.throws(() => medianInterval([1, NaN, 3]), RangeError);
});
