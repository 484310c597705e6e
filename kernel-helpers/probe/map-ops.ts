/**
 * The probe functions of the map operations (case/map-ops.ts) and the keys every keyed map case
 * inserts. Keys are built in setup() into a package slice (as mapinsert's are), so their own
 * allocations are not counted. `clear(m)` is the builtin from Go 1.21; before it, the
 * range-and-delete loop the compiler turns into the same runtime.mapclear in an optimized build
 * (a -N build keeps the loop: an iterator and one mapdelete per key, walk/range.go isMapClear).
 */
import { InputError } from "../errors";
import { mapOpMessages } from "../messages";
import { Case, MapOpCase } from "../case";
import { parseGoType, renderType } from "../types";
import { keyLeafAssignment } from "./values";

/** The key function and key slice of case i (keys 0..n-1), and the setup() line that fills it. */
export function mapKeysCode(keyText: string, n: number, i: number): { decls: string[]; setup: string } {
  const keyTree = parseGoType(keyText);
  const key = renderType(keyTree);
  const leaf = keyLeafAssignment(keyTree);
  const keyFunc = `func key${i}(i int) ${key} {\n\tvar k ${key}\n${leaf ? `\t${leaf}\n` : "\t_ = i\n"}\treturn k\n}\n`;
  const setup = `keys${i} = make([]${key}, ${n})\n\tfor i := range keys${i} {\n\t\tkeys${i}[i] = key${i}(i)\n\t}`;
  return { decls: [keyFunc, `var keys${i} []${key}\n`], setup };
}

/** True for a toolchain before Go 1.21 (no clear builtin, no package maps). */
function before121(languageVersion: string): boolean {
  const [major, minor] = languageVersion.split(".").map(Number);
  return major === 1 && minor < 21;
}

/** Packages the map ops need: maps for maps.Clone (Go 1.21 and later). */
export function mapOpImports(cases: readonly Case[], languageVersion: string): string[] {
  if (!cases.some((c) => c.op === "mapclone")) return [];
  if (before121(languageVersion)) throw new InputError(mapOpMessages.needsMaps(languageVersion), "mapclone");
  return ["maps"];
}

/** The Go that runs one map-op case as probe function `probe<i>`. */
export function mapOpCode(c: MapOpCase, i: number, languageVersion: string): { decls: string; setup: string; clear?: string } {
  const type = `map[${renderType(parseGoType(c.key))}]${renderType(parseGoType(c.elem))}`;
  // clear then re-insert may insert more keys than before: keys 0..max(n, r)-1.
  const keys = mapKeysCode(c.key, Math.max(c.n, c.op === "mapclear" ? c.r : 0), i);
  const insert = (upTo: string) => [`for _, k := range keys${i}${upTo} {`, "\tm[k] = v", "}"];
  const body = [`m := make(${[type, ...(c.hint === undefined ? [] : [String(c.hint)])].join(", ")})`, `var v ${renderType(parseGoType(c.elem))}`, ...insert(`[:${c.n}]`)];
  if (c.op === "mapdelete") body.push(`for _, k := range keys${i}[:${c.d}] {`, "\tdelete(m, k)", "}", ...insert(`[:${c.r}]`));
  if (c.op === "mapclear") body.push(...(before121(languageVersion) ? ["for k := range m {", "\tdelete(m, k)", "}"] : ["clear(m)"]), ...insert(`[:${c.r}]`));
  const result = c.op === "mapclone" ? "maps.Clone(m)" : "m";
  if (c.op === "mapclone" && c.escape !== "heap") body.push(`c := ${result}`);
  const value = c.op === "mapclone" && c.escape !== "heap" ? "c" : result;
  body.push(c.escape === "heap" ? `sink${i} = ${value}` : c.escape === "stack" ? `sinkLen = len(${value})` : `_ = ${value}`);
  const func = `//go:noinline\nfunc probe${i}() {\n${body.map((l) => `\t${l}`).join("\n")}\n}\n`;
  const sink = c.escape === "heap" ? [`var sink${i} ${type}`] : [];
  return { decls: [...keys.decls, ...sink, func].join("\n"), setup: keys.setup, clear: c.escape === "heap" ? `sink${i} = nil` : undefined };
}
