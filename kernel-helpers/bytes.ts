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

/**
 * The formats toLocaleString("en-US", …) would make, made once: toLocaleString builds a new
 * Intl.NumberFormat at every call, which was most of a long `predict --from` table's time.
 */
const INTEGER = new Intl.NumberFormat("en-US");
const FRACTION = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));

/** A number as a reader takes it in: integers with thousands separators, others to 3 significant digits. */
export function roundNumber(v: number): string {
  if (Number.isInteger(v)) return INTEGER.format(v);
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return FRACTION[digits].format(Number(v.toFixed(digits)));
}
