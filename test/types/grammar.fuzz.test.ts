/**
 * Property-based tests of the type grammar: any text gives a type or one clear InputError, and an
 * accepted type re-spells to safe canonical text that parses back to the same tree.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseGoType, renderType, BASIC_NAMES, GoType } from "../../kernel-helpers/types";
import { acceptOrReject, newTally, report, SAFE_TYPE_TEXT } from "../helpers/fuzz";

const RUNS = 10_000;

const basic = fc.constantFrom(...BASIC_NAMES).map((name): GoType => ({ kind: "basic", name }));
const fieldName = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/).filter((n) => !["map", "go", "if", "for", "var", "func", "type", "case", "chan", "else", "goto", "range", "break", "const", "defer", "select", "struct", "switch", "return", "import", "default", "package", "continue", "interface", "fallthrough"].includes(n));

/** Trees of every kind the grammar has, comparable keys only. */
const { type: typeTree } = fc.letrec<{ type: GoType; key: GoType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    basic,
    fc.constant<GoType>({ kind: "any" }),
    tie("type").map((elem): GoType => ({ kind: "pointer", elem })),
    tie("type").map((elem): GoType => ({ kind: "slice", elem })),
    fc.tuple(fc.integer({ min: 0, max: 64 }), tie("type")).map(([length, elem]): GoType => ({ kind: "array", length, elem })),
    fc.tuple(tie("key"), tie("type")).map(([key, elem]): GoType => ({ kind: "map", key, elem })),
    fc.uniqueArray(fc.tuple(fieldName, tie("type")), { maxLength: 3, selector: ([n]) => n })
      .map((fs): GoType => ({ kind: "struct", fields: fs.map(([name, type]) => ({ name, type })) })),
  ),
  key: fc.oneof(basic, fc.constant<GoType>({ kind: "any" }), tie("key").map((elem): GoType => ({ kind: "pointer", elem: elem }))),
}));

/** Valid spellings with a few characters changed, inserted or removed: near misses. */
const mutated = fc.tuple(typeTree.map(renderType), fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((s, [at, how, what]) => {
    const i = s.length === 0 ? 0 : at % s.length;
    if (how === "insert") return s.slice(0, i) + what + s.slice(i);
    if (how === "delete") return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + what + s.slice(i + 1);
  }, text));

/** Known injection shapes glued onto valid types. */
const INJECTIONS = ["]int; func init() { panic(1) }", "`", "// x", "/* x */", "\n", "\r\n", "\u2028", "\u0000", "int)\nfunc f() {", "}; var x = 1; struct{", "\uFF3B", "а", "\u200b", "\"", "'", "$(id)", "; rm -rf /"];
const injected = fc.tuple(typeTree.map(renderType), fc.constantFrom(...INJECTIONS), fc.nat()).map(([t, inj, at]) => {
  const i = at % (t.length + 1);
  return t.slice(0, i) + inj + t.slice(i);
});

function checkAccepted(text: string, tree: GoType): void {
  const canonical = renderType(tree);
  assert.match(canonical, SAFE_TYPE_TEXT, `canonical spelling of ${JSON.stringify(text)}`);
  assert.deepEqual(parseGoType(canonical), tree, `round trip of ${JSON.stringify(text)}`);
}

test("generated type trees render to safe text that parses back to the same tree", () => {
  const tally = newTally();
  fc.assert(fc.property(typeTree, (tree) => {
    const text = renderType(tree);
    const parsed = acceptOrReject(tally, text, () => parseGoType(text));
    // A generated tree may still be refused for size (huge nested arrays); never otherwise.
    if (parsed) checkAccepted(text, parsed);
  }), { numRuns: RUNS });
  report("valid type trees", tally);
  assert.ok(tally.accepted > RUNS * 0.9);
});

for (const [name, inputs] of [
  ["arbitrary text", fc.string({ unit: "binary", maxLength: 60 })],
  ["mutated valid types", mutated],
  ["injection shapes", injected],
] as const) {
  test(`${name} give a type or one clear error, never an uncaught exception`, () => {
    const tally = newTally();
    fc.assert(fc.property(inputs, (text) => {
      const tree = acceptOrReject(tally, text, () => parseGoType(text));
      if (tree) checkAccepted(text, tree);
    }), { numRuns: RUNS });
    report(name, tally);
    if (name === "injection shapes") assert.equal(tally.accepted, 0, "an injection shape was accepted");
  });
}
