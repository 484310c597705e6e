/** Readable numbers: the cached formats print what toLocaleString("en-US", …) prints, made each time. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes, roundNumber } from "../kernel-helpers/bytes";

/** The definition roundNumber keeps to, written the slow way. */
function slowRound(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return Number(v.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
}

test("roundNumber prints what toLocaleString prints, integers, fractions and edge values alike", () => {
  const values = [0, -0, 1, -1, 0.5, 0.0004, 0.0015, 1.005, 9.995, 99.95, 999.5, 1023.99, 41968 / 1024, 1 / 3, 2 ** 53, 1e21, -1e21, NaN, Infinity, -Infinity];
  for (let i = 0; i < 2000; i++) values.push(Math.sin(i) * 10 ** ((i % 16) - 4), i * 7919 * 1021);
  for (const v of values) assert.equal(roundNumber(v), slowRound(v), String(v));
  assert.equal(roundNumber(1234567), "1,234,567");
  assert.equal(formatBytes(41968), "41 KiB");
});
