/** Parsers for command-line option values: each throws one clear InputError. */
import { ESCAPES, Escape } from "../case";
import { InputError } from "../errors";
import { cliMessages } from "../messages";

export function wholeNumber(name: string, min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^[0-9]+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InputError(cliMessages.badOption(name, value, `a whole number from ${min} to ${max}`), value);
    }
    return n;
  };
}

/** Bytes with an optional binary suffix: 1073741824, 512MiB, 1GiB. */
export function byteSize(name: string): (value: string) => number {
  return (value: string) => {
    const m = /^([0-9]+)\s*(B|KiB|MiB|GiB)?$/.exec(value.trim());
    const scale = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;
    const n = m ? Number(m[1]) * scale[(m[2] ?? "B") as keyof typeof scale] : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw new InputError(cliMessages.badOption(name, value, "bytes, e.g. 1073741824 or 1GiB"), value);
    return n;
  };
}

export function escapeOption(value: string): Escape {
  if ((ESCAPES as readonly string[]).includes(value)) return value as Escape;
  throw new InputError(cliMessages.badOption("--escape", value, ESCAPES.join(", ")), value);
}
