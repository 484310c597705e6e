import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { generateProbe } from "../../kernel-helpers/probe";
import { assertGolden } from "../helpers/golden";

const CASES = [
  "make(map[int]int, 1000)",
  "_ = make(map[int]int, 1000)",
  '{"op":"makeslice","elem":"byte","len":33}',
  '{"op":"makeslice","elem":"int","len":10,"cap":20,"constSize":false,"escape":"stack"}',
  '{"op":"append","elem":"string","n":100,"start":"nil"}',
  '{"op":"append","elem":"int","n":1,"start":"make","len":1000,"escape":"discard"}',
  '{"op":"mapinsert","key":"struct{_ int; a [2]string}","elem":"*int","n":9,"hint":9,"freshElem":true}',
  '{"op":"mapinsert","key":"complex64","elem":"[17]int","n":3,"escape":"stack"}',
].map((t) => parseCase(t));

test("the generated probe matches its golden file", () => {
  assertGolden(generateProbe(CASES, "1.26").source, "probe", "golden", "probe.go.txt");
});

test("go.mod names the language version of the toolchain", () => {
  assert.equal(generateProbe(CASES, "1.19").goMod, "module golabprobe\n\ngo 1.19\n");
});

test("each case's line range covers its probe function and nothing of another case", () => {
  const p = generateProbe(CASES, "1.26");
  const lines = p.source.split("\n");
  p.caseLines.forEach((r, i) => {
    const body = lines.slice(r.start - 1, r.end).join("\n");
    assert.match(body, new RegExp(`func probe${i}\\(\\)`));
    assert.doesNotMatch(body, new RegExp(`func probe${i + 1}\\(\\)`));
  });
  for (let i = 1; i < p.caseLines.length; i++) assert.ok(p.caseLines[i].start > p.caseLines[i - 1].end);
});

test("sizes are constants unless the case asks for variables", () => {
  const p = generateProbe([parseCase("make([]int, 1000)"), parseCase('{"op":"makeslice","elem":"int","len":7,"constSize":false}')], "1.26");
  assert.match(p.source, /sink0 = make\(\[\]int, 1000\)/);
  assert.match(p.source, /var size1 = 7\n/);
  assert.match(p.source, /sink1 = make\(\[\]int, size1\)/);
});

test("a heap result goes to a typed package-level variable, never an interface", () => {
  const p = generateProbe([parseCase("make(map[string]int)")], "1.26");
  assert.match(p.source, /var sink0 map\[string\]int\n/);
  assert.doesNotMatch(p.source, /sink0 (any|interface)/);
});

test("types in the source are re-spelled from their parse trees", () => {
  const p = generateProbe([parseCase("make(map[ interface{} ]( int ), 3)")], "1.26");
  assert.match(p.source, /sink0 = make\(map\[any\]int, 3\)/);
});
