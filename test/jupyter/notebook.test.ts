/** Notebooks and parameters (papermill's convention): no Jupyter needed. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../../kernel-helpers/errors";
import {
  INJECTED_TAG, injectParameters, parametersCellIndex, parseParameters, parseParameterValue, parseSetOptions,
  readNotebook, sourceOf, writeNotebook,
} from "../../kernel-helpers/jupyter";
import { fixture } from "./helpers";

test("the fixture's parameters cell is found and read", () => {
  const nb = readNotebook(fixture("chart.ipynb"));
  const at = parametersCellIndex(nb);
  assert.equal(at, 1);
  assert.deepEqual(parseParameters(sourceOf(nb.cells[at])), [
    { name: "hint", keyword: "let", type: "number", value: 1000 },
    { name: "label", keyword: "const", type: "string", value: "make(map[int]int, hint)" },
  ]);
});

test("declarations: annotations, comments, quotes, and lines that are not declarations", () => {
  const params = parseParameters([
    "// the defaults",
    "let runs: number = 21; // how many",
    "const go = '1.26';",
    "var debug = false",
    "let url = \"http://x//y\"; // a comment",
    "let computed = Math.max(1, 2);",
    "console.log(runs);",
    "export const big = 1_000_000;",
  ].join("\n"));
  assert.deepEqual(params, [
    { name: "runs", keyword: "let", annotation: "number", type: "number", value: 21 },
    { name: "go", keyword: "const", type: "string", value: "1.26" },
    { name: "debug", keyword: "var", type: "boolean", value: false },
    { name: "url", keyword: "let", type: "string", value: "http://x//y" },
    { name: "computed", keyword: "let" },
    { name: "big", keyword: "const", type: "number", value: 1_000_000 },
  ]);
});

test("values are typed by the declaration", () => {
  const num = { name: "hint", keyword: "let" as const, type: "number" as const };
  const str = { name: "go", keyword: "let" as const, type: "string" as const };
  const bool = { name: "debug", keyword: "let" as const, type: "boolean" as const };
  const any = { name: "x", keyword: "let" as const };
  assert.equal(parseParameterValue(num, "5000"), 5000);
  assert.equal(parseParameterValue(num, "-1.5e3"), -1500);
  assert.equal(parseParameterValue(str, "1.26"), "1.26", "a string parameter keeps the text");
  assert.equal(parseParameterValue(str, "x\"; process.exit(1); //"), "x\"; process.exit(1); //");
  assert.equal(parseParameterValue(bool, "true"), true);
  assert.equal(parseParameterValue(any, "7"), 7);
  assert.equal(parseParameterValue(any, "\"7\""), "7");
  assert.equal(parseParameterValue(any, "plain text"), "plain text");
  for (const [p, raw] of [[num, "abc"], [num, "Infinity"], [num, "0x10"], [num, ""], [bool, "yes"]] as const) {
    assert.throws(() => parseParameterValue(p, raw), (e: unknown) => e instanceof InputError && /is not a (number|boolean)/.test((e as Error).message));
  }
  assert.throws(() => parseParameterValue(any, "{\"a\":1}"), /is not a number, string or boolean/);
  assert.throws(() => parseParameterValue(any, "null"), /is not a number, string or boolean/);
});

test("--set texts: name=value, repeated names and bad shapes are refused", () => {
  assert.deepEqual(parseSetOptions(["hint=5000", "label=a=b", "empty="]), { hint: "5000", label: "a=b", empty: "" });
  assert.throws(() => parseSetOptions(["hint"]), /invalid --set "hint": write name=value/);
  assert.throws(() => parseSetOptions(["1x=2"]), /invalid --set/);
  assert.throws(() => parseSetOptions(["a=1", "a=2"]), /parameter a is set twice/);
});

test("injection adds a cell after the parameters cell that redeclares with JSON literals", () => {
  const nb = readNotebook(fixture("chart.ipynb"));
  const out = injectParameters(nb, { hint: "5000", label: "a \"quoted\" </script> label\u2028" }, { raw: true });
  assert.equal(out.cells.length, nb.cells.length + 1);
  const injected = out.cells[2];
  assert.deepEqual(injected.metadata, { tags: [INJECTED_TAG] });
  assert.equal(sourceOf(injected), [
    "// Parameters injected by golab run --set",
    "let hint = 5000;",
    `const label = ${JSON.stringify("a \"quoted\" </script> label\u2028")};`,
    "",
  ].join("\n"));
  assert.deepEqual(out.metadata.golab, { parameters: { hint: 5000, label: "a \"quoted\" </script> label\u2028" } });
  assert.equal(nb.cells.length, 4, "the input notebook is not changed");
  // A second injection replaces the first.
  const again = injectParameters(out, { hint: 7 });
  assert.equal(again.cells.length, nb.cells.length + 1);
  assert.match(sourceOf(again.cells[2]), /^let hint = 7;$/m);
  assert.doesNotMatch(sourceOf(again.cells[2]), /label/);
});

test("an unknown name, a notebook without parameters and a wrongly typed value are refused", () => {
  const nb = readNotebook(fixture("chart.ipynb"));
  assert.throws(() => injectParameters(nb, { nope: 1 }), (e: unknown) =>
    e instanceof InputError && e.message === "unknown parameter \"nope\": the parameters cell declares hint, label");
  assert.throws(() => injectParameters(readNotebook(fixture("errors.ipynb")), { hint: 1 }, { where: "errors.ipynb" }),
    /"errors\.ipynb" has no code cell tagged "parameters"/);
  assert.throws(() => injectParameters(nb, { hint: "5000" }), /parameter hint is a number in the parameters cell; "5000" is not a number/);
  assert.throws(() => injectParameters(nb, { hint: Number.NaN }), /is not a number, string or boolean/);
  assert.equal(injectParameters(nb, {}), nb, "no parameters: the notebook as it is");
});

test("notebooks that are not nbformat 4 get one clear error", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-nbtest-"));
  try {
    const cases: [string, string, RegExp][] = [
      ["not json", "{", /is not a Jupyter notebook \(nbformat 4\)/],
      ["nbformat 3", JSON.stringify({ nbformat: 3, metadata: {}, worksheets: [] }), /nbformat is 3, not 4/],
      ["bad cell", JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "weird", source: "" }] }), /cell 0 has cell_type "weird"/],
    ];
    for (const [name, text, message] of cases) {
      const file = path.join(dir, `${name}.ipynb`);
      fs.writeFileSync(file, text);
      assert.throws(() => readNotebook(file), (e: unknown) => e instanceof InputError && message.test((e as Error).message), name);
    }
    assert.throws(() => readNotebook(path.join(dir, "missing.ipynb")), /no notebook at/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a written notebook reads back the same, in Jupyter's layout", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-nbtest-"));
  try {
    const nb = injectParameters(readNotebook(fixture("chart.ipynb")), { hint: 3 });
    const file = path.join(dir, "out.ipynb");
    writeNotebook(file, nb);
    const text = fs.readFileSync(file, "utf8");
    assert.match(text, /^{\n "cells": \[/);
    assert.ok(text.endsWith("}\n"));
    const back = readNotebook(file);
    assert.deepEqual(back.cells.map(sourceOf), nb.cells.map(sourceOf));
    assert.ok(Array.isArray(back.cells[1].source), "sources are written as lists of lines");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
