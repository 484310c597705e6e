/** Parsers for command-line option values: each throws one clear InputError. */
import { ESCAPES, Escape } from "../case";
import { InputError } from "../errors";
import { cliMessages } from "../messages";
import { parseGoVersion } from "../go/toolchain";

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

/**
 * A file or folder to write: an empty value is refused, as Go's tools refuse `-o ""` (path.resolve
 * took it for the current folder, and export and record wrote their files there).
 */
export function outputPath(name: string): (value: string) => string {
  return (value: string) => {
    if (value.trim() === "") throw new InputError(cliMessages.badOption(name, value, "a path; . is the current folder"), value);
    return value;
  };
}

export function escapeOption(value: string): Escape {
  if ((ESCAPES as readonly string[]).includes(value)) return value as Escape;
  throw new InputError(cliMessages.badOption("--escape", value, ESCAPES.join(", ")), value);
}

/**
 * `--go 1.19,1.26,1.27` (or repeated --go): each version checked by the one Go-version parser,
 * each path to a go binary kept as given (findToolchain checks it); a version named twice is refused.
 */
export function goVersionList(value: string, previous: readonly string[] | undefined): string[] {
  const list = [...(previous ?? []), ...value.split(",").map((v) => v.trim())];
  for (const v of list) if (!v.includes("/")) parseGoVersion(v);
  const twice = list.find((v, i) => list.indexOf(v) !== i);
  if (twice !== undefined) throw new InputError(cliMessages.badOption("--go", twice.slice(0, 40), "named twice"), twice.slice(0, 40));
  return list;
}

/** What a command prints: a table (text), the result JSON, or Go's benchmark format. */
export const OUTPUT_FORMATS = ["text", "json", "benchfmt"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function outputFormat(value: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new InputError(cliMessages.badOption("--format", value, OUTPUT_FORMATS.join(", ")), value);
}

/** The format asked for: --json is --format json; both at once must agree. */
export function chosenFormat({ format, json }: { format?: OutputFormat; json?: boolean }): OutputFormat {
  if (json && format !== undefined && format !== "json") throw new InputError(cliMessages.badOption("--format", format, "--json asks for json"), format);
  return json ? "json" : (format ?? "text");
}
