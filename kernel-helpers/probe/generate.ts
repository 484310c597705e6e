/**
 * generateProbe: one Go program for a batch of cases, so that many cases cost one build and one
 * run. Each case becomes a `//go:noinline` probe function; sizes are written as constants (so
 * escape analysis sees what it would in a user's code) unless the case asks for variable sizes;
 * `escape: heap` stores the result in a typed package-level variable (an interface sink would
 * add an allocation of its own). Every type is written from its parse tree.
 */
import { Case, DEFAULT_CODE_NAME, isMapOp, isStringOp, MapOpCase, ObjectCase, OperationCase, StringOpCase } from "../case";
import { codeProbeFiles, ProbeFile, UserCode } from "../code/files";
import { GoType, parseGoType, renderType } from "../types";
import { harnessHead, harnessMain } from "./harness";
import { mapKeysCode, mapOpCode, mapOpImports } from "./map-ops";
import { objectCaseCode } from "./objects";
import { stringOpCode, stringOpImports } from "./string-ops";

export interface GeneratedProbe {
  /** main.go */
  source: string;
  /** go.mod */
  goMod: string;
  /** For each case, the 1-based line range of its code in main.go (for compiler messages). */
  caseLines: { start: number; end: number }[];
  /** Files beside main.go: the packages of code cases (../code/files.ts). */
  files: ProbeFile[];
  /** The users' code in the batch, for the checks and the messages. */
  userCode: UserCode[];
}

export const PROBE_MODULE = "golabprobe";

/** Writes the Go program that measures `cases`, for a toolchain of `languageVersion` ("1.26"). */
export function generateProbe(cases: readonly Case[], languageVersion: string): GeneratedProbe {
  let source = harnessHead([...stringOpImports(cases, languageVersion), ...mapOpImports(cases, languageVersion)].sort());
  const caseLines: { start: number; end: number }[] = [];
  const setups: string[] = [];
  const clears: string[] = [];
  const files: ProbeFile[] = [];
  const userCode: UserCode[] = [];
  cases.forEach((c, i) => {
    if (c.op === "code") {
      // Its probe function is declared in a file of its own, beside main.go.
      files.push(...codeProbeFiles(c, i, PROBE_MODULE));
      userCode.push({ caseIndex: i, source: c.source, name: c.name ?? DEFAULT_CODE_NAME });
      caseLines.push({ start: 0, end: -1 });
      return;
    }
    const code = caseCode(c, i, languageVersion);
    const start = lineCount(source) + 1;
    source += `\n${code.decls}`;
    caseLines.push({ start, end: lineCount(source) });
    if (code.setup) setups.push(code.setup);
    if (code.clear) clears.push(code.clear);
  });
  source += `
var probes = [...]func(){${cases.map((_, i) => `probe${i}`).join(", ")}}

func setup() {
${setups.map((s) => `\t${s}\n`).join("")}}

func clearSinks() {
${clears.map((s) => `\t${s}\n`).join("")}}
`;
  source += harnessMain();
  return { source, goMod: `module ${PROBE_MODULE}\n\ngo ${languageVersion}\n`, caseLines, files, userCode };
}

function lineCount(s: string): number {
  return s.split("\n").length - 1;
}

/** A case's declarations in main.go, and its lines in setup() and clearSinks(). */
export interface CaseCode {
  decls: string;
  setup?: string;
  clear?: string;
}

/** The result statement for each escape: keep, use only locally, or discard. */
function finish(c: OperationCase, i: number, v: string): string {
  switch (c.escape) {
    case "heap":
      return `sink${i} = ${v}`;
    case "stack":
      return `sinkLen = len(${v})`;
    case "discard":
      return `_ = ${v}`;
  }
}

function sizeArg(value: number, c: OperationCase, i: number, name: string, vars: string[]): string {
  if (c.op === "makeslice" && c.constSize === false) {
    vars.push(`var ${name}${i} = ${value}`);
    return `${name}${i}`;
  }
  return String(value);
}

function caseCode(c: OperationCase, i: number, languageVersion: string): CaseCode {
  const noinline = `//go:noinline\nfunc probe${i}() {`;
  switch (c.op) {
    case "makemap":
    case "makeslice": {
      const vars: string[] = [];
      let type: string;
      let args: string[];
      if (c.op === "makemap") {
        type = `map[${goType(c.key)}]${goType(c.elem)}`;
        args = c.hint === undefined ? [] : [String(c.hint)];
      } else {
        type = `[]${goType(c.elem)}`;
        args = [sizeArg(c.len, c, i, "size", vars)];
        if (c.cap !== undefined) args.push(sizeArg(c.cap, c, i, "capacity", vars));
      }
      const make = `make(${[type, ...args].join(", ")})`;
      const body =
        c.escape === "heap" ? `\tsink${i} = ${make}` :
        c.escape === "discard" ? `\t_ = ${make}` :
        `\tv := ${make}\n\t${finish(c, i, "v")}`;
      return {
        decls: [...vars, ...sinkDecl(c, i, type), `${noinline}\n${body}\n}\n`].join("\n"),
        clear: c.escape === "heap" ? `sink${i} = nil` : undefined,
      };
    }
    case "append": {
      const elem = goType(c.elem);
      const type = `[]${elem}`;
      const start = c.start === "nil" ? `var s ${type}` :
        `s := make(${[type, String(c.len ?? 0), ...(c.cap === undefined ? [] : [String(c.cap)])].join(", ")})`;
      const body = `\t${start}\n\tvar v ${elem}\n\tfor i := 0; i < ${c.n}; i++ {\n\t\ts = append(s, v)\n\t}\n\t${finish(c, i, "s")}`;
      return {
        decls: [...sinkDecl(c, i, type), `${noinline}\n${body}\n}\n`].join("\n"),
        clear: c.escape === "heap" ? `sink${i} = nil` : undefined,
      };
    }
    case "mapinsert": {
      const elemTree = parseGoType(c.elem);
      const type = `map[${goType(c.key)}]${renderType(elemTree)}`;
      const elem = renderType(elemTree);
      const { decls: keyDecls, setup } = mapKeysCode(c.key, c.n, i);
      const store = c.freshElem ? `m[k] = new(${renderType(pointee(elemTree))})` : "m[k] = v";
      const valueDecl = c.freshElem ? "" : `\tvar v ${elem}\n`;
      const make = `make(${[type, ...(c.hint === undefined ? [] : [String(c.hint)])].join(", ")})`;
      const body = `\tm := ${make}\n${valueDecl}\tfor _, k := range keys${i} {\n\t\t${store}\n\t}\n\t${finish(c, i, "m")}`;
      return {
        decls: [...keyDecls, ...sinkDecl(c, i, type), `${noinline}\n${body}\n}\n`].join("\n"),
        setup,
        clear: c.escape === "heap" ? `sink${i} = nil` : undefined,
      };
    }
    default:
      if (isMapOp(c.op)) return mapOpCode(c as MapOpCase, i, languageVersion);
      return isStringOp(c.op) ? stringOpCode(c as StringOpCase, i) : objectCaseCode(c as ObjectCase, i);
  }
}

function sinkDecl(c: OperationCase, i: number, type: string): string[] {
  return c.escape === "heap" ? [`var sink${i} ${type}`] : [];
}

/** Re-spells a type from its tree, so that the source never holds the text as given. */
function goType(text: string): string {
  return renderType(parseGoType(text));
}

function pointee(t: GoType): GoType {
  if (t.kind !== "pointer") throw new Error(`freshElem needs a pointer element, got ${renderType(t)}`);
  return t.elem;
}
