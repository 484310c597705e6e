/**
 * Numbers as a reader takes them in: byte counts in B / KiB / MiB / GiB, other numbers rounded.
 * No dependencies, so that messages and tables share it without loading a table library.
 */

const UNITS = ["B", "KiB", "MiB", "GiB"];

/** 512 → "512 B", 8192 → "8 KiB", 41968 → "41 KiB" (3 significant digits at most, trailing zeros dropped). */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? String(v) : roundNumber(v)} ${UNITS[u]}`;
}

/** A number as a reader takes it in: integers with thousands separators, others to 3 significant digits. */
export function roundNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return Number(v.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
}
