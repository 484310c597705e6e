/**
 * Notebooks on disk (nbformat 4) and parameters, as papermill does them: the first code cell
 * tagged `parameters` declares them; an override becomes a new cell, tagged
 * `injected-parameters`, right after it, which declares the same names again with the new values
 * (tslab lets a later cell redeclare a `let` or `const`). Values are numbers, strings or booleans,
 * rendered with JSON.stringify: text from a command line never becomes code.
 */
import * as fs from "node:fs";
import type * as nbformat from "@jupyterlab/nbformat";
import { InputError } from "../errors";
import { jupyterMessages, readReason } from "../messages";
import { writeFileAtomically } from "../output";

export type Notebook = nbformat.INotebookContent;
export type Cell = nbformat.ICell;
export type ParameterValue = number | string | boolean;
export type ParameterType = "number" | "string" | "boolean";

export const PARAMETERS_TAG = "parameters";
export const INJECTED_TAG = "injected-parameters";

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Checks the parts of nbformat 4 that golab relies on. */
export function assertNotebook(x: unknown, where: string): asserts x is Notebook {
  const fail = (why: string): never => {
    throw new InputError(jupyterMessages.notNotebook(where, why), where);
  };
  if (!isObject(x)) fail("not a JSON object");
  const o = x as Record<string, unknown>;
  if (o.nbformat !== 4) fail(`nbformat is ${JSON.stringify(o.nbformat)}, not 4`);
  if (!isObject(o.metadata)) fail("no metadata object");
  if (!Array.isArray(o.cells)) fail("no cells array");
  (o.cells as unknown[]).forEach((cell, i) => {
    const c = cell as Record<string, unknown>;
    if (!isObject(c)) fail(`cell ${i} is not an object`);
    if (!["code", "markdown", "raw"].includes(String(c.cell_type))) fail(`cell ${i} has cell_type ${JSON.stringify(c.cell_type)}`);
    if (typeof c.source !== "string" && !(Array.isArray(c.source) && c.source.every((s) => typeof s === "string"))) {
      fail(`cell ${i} has no source text`);
    }
    if (c.metadata !== undefined && !isObject(c.metadata)) fail(`cell ${i} has metadata that is not an object`);
    if (c.cell_type === "code" && c.outputs !== undefined && !Array.isArray(c.outputs)) fail(`cell ${i} has outputs that are not an array`);
  });
}

/** Reads and checks a notebook file. */
export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new InputError(jupyterMessages.noSuchNotebook(file), file);
    // A folder, a path through a file, a name too long, a read error: one line, not a stack.
    throw new InputError(jupyterMessages.unreadableNotebook(file, readReason(e)), file);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(jupyterMessages.notNotebook(file, (e as Error).message), file);
  }
  assertNotebook(parsed, file);
  return parsed;
}

/** nbformat's multiline string as one string. */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** One string → the list of lines Jupyter writes (each with its newline but the last). */
export function toLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** Writes a notebook the way Jupyter does (one-space indent, sources as lines, final newline). */
export function writeNotebook(file: string, nb: Notebook): void {
  const tidy = {
    ...nb,
    cells: nb.cells.map((c) => {
      const out: Record<string, unknown> = { ...c, source: toLines(sourceOf(c)) };
      if (Array.isArray(out.outputs)) {
        out.outputs = (out.outputs as nbformat.IOutput[]).map((o) =>
          o.output_type === "stream" && typeof o.text === "string" ? { ...o, text: toLines(o.text) } : o);
      }
      return out;
    }),
  };
  // Whole or not at all: a full disk must not leave half an executed notebook.
  writeFileAtomically(file, `${JSON.stringify(tidy, null, 1)}\n`);
}

function tagsOf(cell: Cell): string[] {
  const tags = (cell.metadata as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

/** Index of the first code cell tagged `parameters`, or -1. */
export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === "code" && tagsOf(c).includes(PARAMETERS_TAG));
}

/** One declaration of the parameters cell. */
export interface Parameter {
  name: string;
  keyword: "let" | "const" | "var";
  /** The annotation as written (`number`), if any. */
  annotation?: string;
  /** number, string or boolean: from the annotation, else from a literal default. */
  type?: ParameterType;
  /** The default, when it is a literal. */
  value?: ParameterValue;
}

const DECLARATION = /^\s*(?:export\s+)?(let|const|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*([^=]+?))?\s*=\s*(.*)$/;
const NUMBER = /^-?(?:0|[1-9][0-9_]*)(?:\.[0-9_]+)?(?:[eE][+-]?[0-9]+)?$/;

function literal(text: string): ParameterValue | undefined {
  const t = text.trim();
  if (t === "true" || t === "false") return t === "true";
  if (NUMBER.test(t)) return Number(t.replace(/_/g, ""));
  if (/^"(?:[^"\\\n]|\\.)*"$/.test(t)) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return undefined;
    }
  }
  if (/^'(?:[^'\\\n]|\\.)*'$/.test(t)) {
    try {
      return JSON.parse(`"${t.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The default written after `=`: the whole rest of the line, or the part before a `//` comment. */
function literalDefault(rest: string): ParameterValue | undefined {
  const candidates = [rest];
  for (let i = rest.indexOf("//"); i >= 0; i = rest.indexOf("//", i + 1)) candidates.push(rest.slice(0, i));
  for (const c of candidates) {
    const v = literal(c.trim().replace(/;\s*$/, ""));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The declarations of a parameters cell: one `let|const|var name[: type] = value` per line. */
export function parseParameters(source: string): Parameter[] {
  const out: Parameter[] = [];
  for (const line of source.split("\n")) {
    const m = DECLARATION.exec(line);
    if (!m) continue;
    const [, keyword, name, annotation, rest] = m;
    const value = literalDefault(rest);
    const annotated = annotation?.trim();
    const type = annotated === "number" || annotated === "string" || annotated === "boolean"
      ? annotated
      : annotated === undefined && value !== undefined ? (typeof value as ParameterType) : undefined;
    out.push({ name, keyword: keyword as Parameter["keyword"], ...(annotated ? { annotation: annotated } : {}), ...(type ? { type } : {}), ...(value !== undefined ? { value } : {}) });
  }
  return out;
}

/**
 * Text from `--set name=value` → a value of the parameter's type: a string parameter takes the
 * text as it is; a number needs a finite number; a boolean true or false. For a parameter of no
 * known type, a JSON number, boolean or string is read, and any other text is a string.
 */
export function parseParameterValue(param: Parameter, raw: string): ParameterValue {
  const bad = (type: string): never => {
    throw new InputError(jupyterMessages.badParameterValue(param.name, type, raw), raw);
  };
  switch (param.type) {
    case "string":
      return raw;
    case "number": {
      const n = NUMBER.test(raw.trim()) ? Number(raw.trim().replace(/_/g, "")) : NaN;
      return Number.isFinite(n) ? n : bad("number");
    }
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : bad("boolean");
    default: {
      let v: unknown;
      try {
        v = JSON.parse(raw);
      } catch {
        return raw;
      }
      if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return v;
      throw new InputError(jupyterMessages.unsupportedParameterValue(param.name, raw), raw);
    }
  }
}

/** `["hint=5000", "label=x"]` → `{hint: "5000", label: "x"}` (raw text; typed by parseParameterValue). */
export function parseSetOptions(texts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of texts) {
    const m = /^([A-Za-z_$][\w$]*)=([\s\S]*)$/.exec(t);
    if (!m) throw new InputError(jupyterMessages.badSet(t), t);
    if (Object.prototype.hasOwnProperty.call(out, m[1])) throw new InputError(jupyterMessages.duplicateParameter(m[1]), t);
    out[m[1]] = m[2];
  }
  return out;
}

/** The code of the injected cell: each name declared again with its new value. */
export function injectedSource(params: readonly Parameter[], values: Record<string, ParameterValue>): string {
  const lines = ["// Parameters injected by golab run --set"];
  for (const p of params) {
    if (!Object.prototype.hasOwnProperty.call(values, p.name)) continue;
    const v = values[p.name];
    if (typeof v === "number" && !Number.isFinite(v)) throw new InputError(jupyterMessages.unsupportedParameterValue(p.name, String(v)), String(v));
    // A literal's own type (let hint = 1000 has type number; const hint = 1000 has type 1000) comes
    // back with the new value; an annotation is kept.
    lines.push(`${p.keyword} ${p.name}${p.annotation ? `: ${p.annotation}` : ""} = ${JSON.stringify(v)};`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A copy of the notebook with the parameters set: raw text values are typed by the declarations,
 * the injected cell goes right after the parameters cell (replacing one injected before).
 * Throws InputError for a notebook without a parameters cell or an undeclared name.
 */
export function injectParameters(nb: Notebook, values: Record<string, ParameterValue>, { where = "the notebook", raw = false }: { where?: string; raw?: boolean } = {}): Notebook {
  const names = Object.keys(values);
  if (names.length === 0) return nb;
  const at = parametersCellIndex(nb);
  if (at < 0) throw new InputError(jupyterMessages.noParametersCell(where), where);
  const params = parseParameters(sourceOf(nb.cells[at]));
  const declared = params.map((p) => p.name);
  const typed: Record<string, ParameterValue> = {};
  for (const name of names) {
    const p = params.find((q) => q.name === name);
    if (!p) throw new InputError(jupyterMessages.unknownParameter(name, declared), name);
    const v = values[name];
    typed[name] = raw ? parseParameterValue(p, String(v)) : checkType(p, v);
  }
  const cells = nb.cells.filter((c) => !tagsOf(c).includes(INJECTED_TAG));
  const after = parametersCellIndex({ ...nb, cells });
  const injected: nbformat.ICodeCell = {
    cell_type: "code",
    execution_count: null,
    metadata: { tags: [INJECTED_TAG] },
    outputs: [],
    source: injectedSource(params, typed),
  };
  if (nb.nbformat_minor >= 5) injected.id = `injected-parameters-${at}`;
  cells.splice(after + 1, 0, injected);
  return { ...nb, cells, metadata: { ...nb.metadata, golab: { ...(nb.metadata.golab as object | undefined), parameters: typed } } };
}

function checkType(p: Parameter, v: ParameterValue): ParameterValue {
  if (p.type && typeof v !== p.type) throw new InputError(jupyterMessages.badParameterValue(p.name, p.type, String(v)), String(v));
  if (typeof v === "number" && !Number.isFinite(v)) throw new InputError(jupyterMessages.unsupportedParameterValue(p.name, String(v)), String(v));
  return v;
}
