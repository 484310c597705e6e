/** The object operations' probe functions (kernel-helpers/probe/objects.ts): golden source, and values written from their parsed form. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { generateProbe } from "../../kernel-helpers/probe";
import { assertGolden } from "../helpers/golden";

const CASES = [
  "new(int32) [10 times]",
  "&struct{a int; b string}{} [stack]",
  "_ = new([65537]byte)",
  "make(chan *int, 8)",
  "make(chan struct{}) [stack]",
  "any(int16(300))",
  'any(string("hello")) [stack]',
  "_ = any([1025]byte{})",
  "closure(int, [17]int)",
  "closure(int32, int32) [reassigned, stack]",
].map((t) => parseCase(t));

test("the object operations' generated probes match their golden file", () => {
  const p = generateProbe(CASES, "1.26");
  const lines = p.source.split("\n");
  assertGolden(p.caseLines.map((r) => lines.slice(r.start - 1, r.end).join("\n")).join("\n"), "probe", "golden", "objects.go.txt");
});

test("a boxed string reaches Go as an escaped literal, whatever it holds", () => {
  const value = 'a"b\\c\n`d` é 😀 */ }';
  const p = generateProbe([parseCase({ op: "box", type: "string", value })], "1.26");
  const decl = /var boxed0 string = (".*")\n/.exec(p.source);
  assert.ok(decl, "the variable holds the value");
  assert.match(decl[1], /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})*"$/, "printable ASCII without quotes or backslashes, and \\u escapes");
  assert.equal(JSON.parse(decl[1].replace(/\\U([0-9a-f]{8})/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)).split("").map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""))), value, "and reads back to the value");
});
