import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { goBlockMarkdown, programMarkdown, setDisplaySink, showProgram, MimeBundle } from "../../kernel-helpers/display";
import { buildCommand, shownProgram } from "../../kernel-helpers/probe";
import { benchmarkArgs, benchmarkTestFile } from "../../kernel-helpers/measure";

afterEach(() => setDisplaySink(null));

const discard = parseCase("_ = make(map[int]int, 1000)");
const kept = parseCase("make(map[int]int, 1000)");

test("the program is one Markdown code block fenced go, holding the generated probe functions", () => {
  const md = programMarkdown([discard, kept]);
  const block = /```go\n([\s\S]*)\n```$/.exec(md);
  assert.ok(block, "a code block fenced ```go closes the text");
  assert.equal(md.match(/```/g)?.length, 2, "one block");
  assert.ok(block[1].endsWith(shownProgram([discard, kept]).code), "the probe's own text, not a copy");
  assert.ok(block[1].includes(`//   ${buildCommand(false)}`));
  assert.doesNotMatch(block[1], /-N -l/, "an optimized build only");
});

test("experiments show each case once, with every build they were measured with", () => {
  const md = programMarkdown([false, true].flatMap((debug) => [discard, kept].map((c) => ({ case: c, debug }))));
  assert.ok(md.includes(`//   ${buildCommand(false)}`) && md.includes(`//   ${buildCommand(true)}`));
  assert.equal(md.match(/func probe\d/g)?.length, 2);
});

test("showProgram sends the Markdown out as text/markdown", () => {
  const out: MimeBundle[] = [];
  setDisplaySink((b) => out.push(b));
  showProgram([kept], { debug: true, intro: "Measured" });
  assert.equal(out.length, 1);
  assert.match(String(out[0]["text/markdown"]), /^Measured:\n\n```go\n\/\/ Built with -N -l[^\n]*\n\/\/   go build -gcflags='all=-N -l'/);
});

test("as benchmarks: the probe functions, the Benchmark functions go test runs, and the go test command", () => {
  const md = programMarkdown([discard, kept], { benchtime: "200ms" });
  assert.ok(md.includes(benchmarkTestFile(2).split("\n\nfunc ")[2].trim()), "BenchmarkCase0 as the test file has it");
  assert.match(md, /func BenchmarkCase1\(b \*testing\.B\) \{/);
  assert.ok(md.includes(`//   go ${benchmarkArgs("200ms").join(" ").replace("^$", () => "'^$'")}`));
  assert.doesNotMatch(md, /go build|ReadMemStats|func TestMain/);
});

test("other generated Go (the profiled program) goes out in the same kind of block", () => {
  const md = goBlockMarkdown("package main\n", { intro: "Profiled", comments: ["go build ."] });
  assert.equal(md, "Profiled:\n\n```go\n// go build .\n\npackage main\n```");
});
