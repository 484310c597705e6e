/**
 * The probe functions of the string and growth operations (case/string-ops.ts). The strings and
 * slices a probe reads are package variables that setup() fills before anything is measured
 * (strings.Repeat, make), so the compiler cannot fold them into constants and their own
 * allocations are not counted. Sizes are written from the validated case as decimal numbers;
 * element types from their parse trees.
 */
import { InputError } from "../errors";
import { stringOpMessages } from "../messages";
import { Case, StringOpCase } from "../case";
import { parseGoType, renderType } from "../types";

/** A case's Go: declarations with its probe function, what setup() runs, what clears its sink. */
export interface StringOpCode {
  decls: string;
  setup?: string;
  clear?: string;
}

/** Packages the string ops need beyond the harness's (which imports strings already). */
export function stringOpImports(cases: readonly Case[], languageVersion: string): string[] {
  const imports = new Set<string>();
  for (const c of cases) {
    if (c.op === "buffer") imports.add("bytes");
    if (c.op === "slicesgrow") {
      const [major, minor] = languageVersion.split(".").map(Number);
      // Package slices came with Go 1.21: an older toolchain would fail to build the whole batch.
      if (major === 1 && minor < 21) throw new InputError(stringOpMessages.needsSlices(languageVersion), "slicesgrow");
      imports.add("slices");
    }
  }
  return [...imports].sort();
}

/** What becomes of the result `v` (of type `type`) for each escape. */
function finish(c: StringOpCase, i: number, v: string, len = `len(${v})`): string {
  switch (c.escape) {
    case "heap":
      return `sink${i} = ${v}`;
    case "stack":
      return `sinkLen = ${len}`;
    case "discard":
      return `_ = ${v}`;
  }
}

const noinline = (i: number, body: string[]) => `//go:noinline\nfunc probe${i}() {\n${body.map((l) => `\t${l}`).join("\n")}\n}\n`;
const repeat = (n: number) => `strings.Repeat("x", ${n})`;

function sink(c: StringOpCase, i: number, type: string): { decl: string[]; clear?: string } {
  if (c.escape !== "heap") return { decl: [] };
  return { decl: [`var sink${i} ${type}`], clear: `sink${i} = ${type === "string" ? '""' : "nil"}` };
}

/** `var s []T` or `s := make([]T, len, cap)` for appendslice and slicesgrow. */
function start(c: StringOpCase & { start: "nil" | "make"; len?: number; cap?: number }, type: string): string {
  return c.start === "nil" ? `var s ${type}` : `s := make(${[type, String(c.len ?? 0), ...(c.cap === undefined ? [] : [String(c.cap)])].join(", ")})`;
}

/** The Go that runs one string-op case as probe function `probe<i>`. */
export function stringOpCode(c: StringOpCase, i: number): StringOpCode {
  switch (c.op) {
    case "concat": {
      const parts = c.lens.map((_, j) => `in${i}_${j}`);
      const expr = parts.join(" + ");
      const s = sink(c, i, "string");
      const body = c.escape === "stack" ? [`v := ${expr}`, finish(c, i, "v")] : [finish(c, i, expr)];
      return {
        decls: [`var ${parts.join(", ")} string`, ...s.decl, noinline(i, body)].join("\n"),
        setup: c.lens.map((n, j) => `${parts[j]} = ${repeat(n)}`).join("\n\t"),
        clear: s.clear,
      };
    }
    case "concatloop": {
      const s = sink(c, i, "string");
      const body = ["var s string", `for i := 0; i < ${c.n}; i++ {`, `\ts += in${i}`, "}", finish(c, i, "s")];
      return { decls: [`var in${i} string`, ...s.decl, noinline(i, body)].join("\n"), setup: `in${i} = ${repeat(c.len)}`, clear: s.clear };
    }
    case "convert": {
      const [type, from, setup] =
        c.to === "bytes" ? ["[]byte", "string", repeat(c.len)] :
        c.to === "runes" ? ["[]rune", "string", repeat(c.len)] :
        ["string", "[]byte", `[]byte(${repeat(c.len)})`];
      const expr = `${type}(in${i})`;
      const s = sink(c, i, type);
      const body = c.escape === "stack" ? [`v := ${expr}`, finish(c, i, "v")] : [finish(c, i, expr)];
      return { decls: [`var in${i} ${from}`, ...s.decl, noinline(i, body)].join("\n"), setup: `in${i} = ${setup}`, clear: s.clear };
    }
    case "appendslice":
    case "slicesgrow": {
      const elem = renderType(parseGoType(c.elem));
      const type = `[]${elem}`;
      const s = sink(c, i, type);
      const grow = c.op === "appendslice" ? `s = append(s, add${i}...)` : `s = slices.Grow(s, ${c.grow})`;
      const decls = c.op === "appendslice" ? [`var add${i} ${type}`] : [];
      return {
        decls: [...decls, ...s.decl, noinline(i, [start(c, type), grow, finish(c, i, "s")])].join("\n"),
        setup: c.op === "appendslice" ? `add${i} = make(${type}, ${c.add})` : undefined,
        clear: s.clear,
      };
    }
    case "builder":
    case "buffer": {
      const builder = c.op === "builder";
      const s = sink(c, i, builder ? "string" : "[]byte");
      const result = builder ? "b.String()" : "b.Bytes()";
      const body = [
        `var b ${builder ? "strings.Builder" : "bytes.Buffer"}`,
        ...(c.grow === undefined ? [] : [`b.Grow(${c.grow})`]),
        `for i := 0; i < ${c.n}; i++ {`, `\tb.WriteString(in${i})`, "}",
        finish(c, i, result, "b.Len()"),
      ];
      return { decls: [`var in${i} string`, ...s.decl, noinline(i, body)].join("\n"), setup: `in${i} = ${repeat(c.len)}`, clear: s.clear };
    }
  }
}
