/**
 * The probe functions of the object operations (case/objects.ts). Like every probe, each is a
 * `//go:noinline` function written from the case's canonical fields and type trees only. `heap`
 * stores the result in a typed package-level variable; `stack` hands it to a `//go:noinline`
 * helper that only compares it with nil (so it does not escape, yet stays live); `discard`
 * writes `_ =`.
 */
import { ObjectCase } from "../case";
import { parseGoType, renderType } from "../types";
import { goLiteral } from "../case/box-value";
import type { CaseCode } from "./generate";

/** Re-spells a type from its tree, so that the source never holds the text as given. */
function goType(text: string): string {
  return renderType(parseGoType(text));
}

/** A helper that keeps a value of `type` live without letting it escape. */
function keeper(i: number, type: string): string {
  return `//go:noinline\nfunc keep${i}(v ${type}) int {\n\tif v == nil {\n\t\treturn 1\n\t}\n\treturn 0\n}\n`;
}

/** The statement that finishes with value `v` of `type`, and the declarations it needs. */
function finish(c: ObjectCase, i: number, v: string, type: string): { line: string; decls: string[] } {
  switch (c.escape) {
    case "heap":
      return { line: `sink${i} = ${v}`, decls: [`var sink${i} ${type}`] };
    case "stack":
      return { line: `sinkLen += keep${i}(${v})`, decls: [keeper(i, type)] };
    case "discard":
      return { line: `_ = ${v}`, decls: [] };
  }
}

/** The declarations of an object case's probe, and the sink the harness clears. */
export function objectCaseCode(c: ObjectCase, i: number): CaseCode {
  const noinline = `//go:noinline\nfunc probe${i}() {`;
  switch (c.op) {
    case "new": {
      const t = goType(c.type);
      const expr = c.literal ? `&${t}{}` : `new(${t})`;
      const end = finish(c, i, expr, `*${t}`);
      const body = c.n === undefined ? `\t${end.line}` : `\tfor i := 0; i < ${c.n}; i++ {\n\t\t${end.line}\n\t}`;
      return {
        decls: [...end.decls, `${noinline}\n${body}\n}\n`].join("\n"),
        clear: c.escape === "heap" ? `sink${i} = nil` : undefined,
      };
    }
    case "makechan": {
      const t = `chan ${goType(c.elem)}`;
      const end = finish(c, i, `make(${t}${c.cap === undefined ? "" : `, ${c.cap}`})`, t);
      return { decls: [...end.decls, `${noinline}\n\t${end.line}\n}\n`].join("\n"), clear: c.escape === "heap" ? `sink${i} = nil` : undefined };
    }
    case "box": {
      // x is a package variable, so the compiler cannot know its value (a constant would be boxed statically).
      const tree = parseGoType(c.type);
      const value = goLiteral(tree, c.value);
      const x = `var boxed${i} ${renderType(tree)}${value === "" ? "" : ` = ${value}`}`;
      const end = finish(c, i, `any(boxed${i})`, "any");
      return { decls: [x, ...end.decls, `${noinline}\n\t${end.line}\n}\n`].join("\n"), clear: c.escape === "heap" ? `sink${i} = nil` : undefined };
    }
    case "closure":
      return closureCode(c, i, noinline);
  }
}

/**
 * `cK := capturedI_K` for each captured type (package variables, so nothing is constant), then the
 * func literal that copies each into `keptI_K`, then (reassigned) each assigned again, then the
 * closure finished as every object is.
 */
function closureCode(c: Extract<ObjectCase, { op: "closure" }>, i: number, noinline: string): CaseCode {
  const types = c.captures.map(goType);
  const vars = types.flatMap((t, k) => [`var captured${i}_${k} ${t}`, `var kept${i}_${k} ${t}`]);
  const declare = types.map((_, k) => `\tc${k} := captured${i}_${k}\n`).join("");
  const body = types.map((_, k) => `\t\tkept${i}_${k} = c${k}\n`).join("");
  const again = c.reassigned ? types.map((_, k) => `\tc${k} = captured${i}_${k}\n`).join("") : "";
  const end = finish(c, i, "f", "func()");
  return {
    decls: [...vars, ...end.decls, `${noinline}\n${declare}\tf := func() {\n${body}\t}\n${again}\t${end.line}\n}\n`].join("\n"),
    clear: c.escape === "heap" ? `sink${i} = nil` : undefined,
  };
}
