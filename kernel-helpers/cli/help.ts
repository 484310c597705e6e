/**
 * `--help` as Go's tools write it: what each option means, a default only where it tells
 * something, examples, and for commands that take cases the case schema, printed from the
 * parser's own field list (CASE_SCHEMA, SHORT_FORMS) so that it cannot drift from what is read.
 */
import type { Command, Help, Option } from "commander";
import { CASE_SCHEMA, describeCase, FieldKind, OPS, parseCase, SHORT_FORMS } from "../case";
import { BASIC_NAMES } from "../types";

/**
 * An option's help line. Commander appends "(default: false)" to every switch and a second
 * "(default: …)" after a description that already names its default; neither helps a reader.
 */
export function optionDescription(option: Option): string {
  const d = option.defaultValue as unknown;
  const tells = d !== undefined && typeof d !== "boolean" && !/\bdefault\b/.test(option.description);
  if (!tells) return option.description;
  const shown = option.defaultValueDescription ?? (Array.isArray(d) ? d.join(", ") : String(d));
  return shown === "" ? option.description : `${option.description} (default: ${shown})`;
}

/** Help settings for the program; commands made with program.command() inherit them. */
export const HELP_CONFIGURATION: Partial<Help> = { optionDescription, sortSubcommands: false };

/** One example: the command line, and what it shows. */
export type Example = readonly [line: string, what: string];

/** Adds an "Examples:" section after the command's help. */
export function withExamples<C extends Command>(command: C, examples: readonly Example[]): C {
  const lines = examples.flatMap(([line, what]) => [`  # ${what}`, `  ${line}`]);
  command.addHelpText("after", `\nExamples:\n${lines.join("\n")}\n`);
  return command;
}

/** Adds the case grammar and the JSON fields of every op after the command's help. */
export function withCaseHelp<C extends Command>(command: C): C {
  command.addHelpText("after", caseHelp);
  return command;
}

const KIND_TEXT = (kind: FieldKind): string =>
  kind === "type" ? "Go type" : kind === "types" ? "[Go type, …]" : kind === "size" ? "number" : kind === "sizes" ? "[numbers]" : kind === "boolean" ? "true|false" :
  kind === "source" ? "Go source" : kind === "name" ? "file name" : kind === "literal" ? "number|true|false|string" : kind.join("|");

/** Short forms whose JSON the help shows beside them. */
const PAIRED = ["make(map[int]int, 1000)", "_ = make([]int, 0, 8)", "append(make([]int, 0, 1000), 1000)", "insert(map[int]*int, 64) [new value each]", "concat(16, 17) [stack]"];

/** The case schema: short forms, the JSON each op takes, and the Go types accepted. */
export function caseHelp(): string {
  const col = (cells: readonly string[], widths: readonly number[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join("  ");
  const formWidth = Math.max(...SHORT_FORMS.map((f) => f.form.length));
  const out = ["", "Cases: a short form or JSON. Short forms (K, V and T are Go types; n, len, cap and hint are numbers):"];
  for (const f of SHORT_FORMS) out.push(`  ${col([f.form, f.means], [formWidth])}`);
  out.push("", "The same cases as JSON:");
  for (const text of PAIRED) out.push(`  ${describeCase(parseCase(text))}`, `      ${JSON.stringify(parseCase(text))}`);
  out.push("", 'JSON fields by op ("?": may be left out):');
  for (const op of OPS) {
    const spec = CASE_SCHEMA[op];
    out.push(`  {"op": "${op}", …}  ${spec.go}`);
    const names = spec.fields.map((f) => `${f.name}${f.required ? "" : "?"}`);
    const kinds = spec.fields.map((f) => KIND_TEXT(f.kind));
    const widths = [Math.max(...names.map((n) => n.length)), Math.max(...kinds.map((k) => k.length))];
    spec.fields.forEach((f, i) => {
      const fallback = f.default === undefined ? "" : ` (default ${f.default})`;
      out.push(`    ${col([names[i], kinds[i], `${f.about}${fallback}`], widths)}`);
    });
  }
  out.push("", `Go types: ${BASIC_NAMES.join(", ")}, any, *T, []T, [N]T, map[K]V, struct{a int; b string}.`);
  return `${out.join("\n")}\n`;
}
