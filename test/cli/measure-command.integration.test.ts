/** The measure command as a user runs it: good input prints a table or JSON, bad input one line. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { golab, golabInPrivateTmp, probeProcesses } from "../helpers/cli";

test("golab measure prints mallocs, bytes, the escape decision and the source; a repeat reads the cache", () => {
  const results = fs.mkdtempSync(path.join(os.tmpdir(), "golab-measure-cli-"));
  try {
    const env = { ...process.env, GOLAB_RESULTS_CACHE: results };
    const r = golab(["measure", "make(map[int]int, 1000)", "--go", "1.26", "--quiet"], env);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Go 1\.26\.\d+ linux\/amd64, optimized build, 21 calls per case/);
    assert.match(r.stdout, /make\(map\[int\]int, 1000\)\s+\d+\s+\d+(\.\d+)? KiB/, "sizes read as KiB");
    assert.match(r.stdout, /: heap\s+measured now/);
    assert.equal(r.stderr, "");
    const again = golab(["measure", "make(map[int]int, 1000)", "--go", "1.26", "--quiet"], env);
    assert.match(again.stdout, /: heap\s+cached, measured \d{4}-\d{2}-\d{2}/);
    const numbers = (stdout: string) => stdout.split("\n")[4].split(/\s{2,}/).slice(0, 5);
    assert.deepEqual(numbers(again.stdout), numbers(r.stdout), "the same numbers");
    const fresh = golab(["measure", "make(map[int]int, 1000)", "--go", "1.26", "--quiet", "--no-cache"], env);
    assert.match(fresh.stdout, /: heap\s+measured now/);
  } finally {
    fs.rmSync(results, { recursive: true, force: true });
  }
});

test("--json prints the result contract", () => {
  const r = golab(["measure", "make([]byte, 33)", "--json", "--runs", "3"]);
  assert.equal(r.status, 0, r.stderr);
  const [result] = JSON.parse(r.stdout);
  for (const field of ["go", "goarch", "backend", "case", "mallocs", "allocatedBytes", "escape", "build"]) {
    assert.ok(field in result, `field ${field}`);
  }
  assert.equal(result.backend, "measure");
  assert.deepEqual(result.case, { op: "makeslice", elem: "byte", len: 33, escape: "heap" });
});

const BAD_INPUT: [string, string[], RegExp][] = [
  ["a malformed type", ["measure", "make(map[int]chan int)"], /unknown type name "chan"/],
  ["a negative size", ["measure", "make([]int, -1)"], /len must be a whole number/],
  ["a fractional size", ["measure", '{"op":"makeslice","elem":"int","len":1.5}'], /len must be a whole number/],
  ["a size over the memory cap", ["measure", "make([]int, 1000000000)"], /over the memory cap \(1 GiB\)/],
  ["an unknown Go version", ["measure", "make([]int, 1)", "--go", "1.20"], /unknown Go version "1\.20"/],
  ["a bad --runs", ["measure", "make([]int, 1)", "--runs", "0"], /invalid --runs/],
  ["an unknown option", ["measure", "make([]int, 1)", "--frobnicate"], /unknown option/],
  ["no case", ["measure"], /no case given: pass one or more cases/],
  ["an unreadable --code file", ["measure", "--code", "/nonexistent/mine.go"], /cannot read --code "\/nonexistent\/mine.go": no such file \(ENOENT\)$/m],
  ["a code case with a package clause", ["measure", "{\"op\":\"code\",\"source\":\"package main\\nfunc probe() {}\"}", "--quiet"], /code.go starts with a package clause/],
  ["a Go version named twice", ["measure", "make([]int, 1)", "--go", "1.26,1.27,1.26"], /invalid --go: "1\.26" \(named twice\)/],
  ["one Go version under two names", ["measure", "make([]int, 1)", "--go", "1.26,go1.26"], /is Go 1\.26\.\d+ again/],
  ["an unknown output format", ["measure", "make([]int, 1)", "--format", "xml"], /invalid --format: "xml" \(text, json, benchfmt\)/],
  ["--json beside another format", ["measure", "make([]int, 1)", "--json", "--format", "benchfmt"], /--json asks for json/],
  ["a GOEXPERIMENT this Go does not have", ["measure", "make([]int, 1)", "--goexperiment", "nosuchexp"], /^golab: invalid GOEXPERIMENT "nosuchexp": the go on PATH has no experiment "suchexp"$/],
  ["an injection attempt", ["measure", "make(map[int]int); func init() { panic(1) }//, 1)"], /./],
];

for (const [name, args, message] of BAD_INPUT) {
  test(`${name} gets one clear line on stderr and a non-zero exit`, () => {
    const r = golabInPrivateTmp(args);
    assert.notEqual(r.status, 0);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, `stderr was:\n${r.stderr}`);
    assert.match(lines[0], /^golab: /);
    assert.match(lines[0], message);
    assert.deepEqual(r.leftBehind, []);
  });
}

test("Go not installed: one line that says how to install it, and nothing left behind", () => {
  const r = golabInPrivateTmp(["measure", "make([]int, 1)"], { ...process.env, PATH: "/nonexistent" });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, /not installed here\. Install Go/);
  assert.deepEqual(r.leftBehind, []);
  assert.deepEqual(probeProcesses(), []);
});

test("a path that is not a go binary is refused", () => {
  const r = golab(["measure", "make([]int, 1)", "--go", "/nonexistent/go"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^golab: no go binary at "\/nonexistent\/go"\n$/);
});

/** benchstat, pinned, through the Go module proxy (go run builds it once into Go's build cache). */
const BENCHSTAT = "golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da";

test("several Go versions in one call: columns in the text, one flat array in --json, benchfmt that benchstat reads", (t) => {
  const cases = ["append([]int, 1000)", "insert(make(map[int]int, 8), 100)"];
  const common = ["measure", ...cases, "--go", "1.26,1.27", "--runs", "7", "--quiet"];
  const text = golab(common);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^Go 1\.26\.\d+, 1\.27\.\d+ linux\/amd64/);
  assert.match(text.stdout, /\nmallocs +Go 1\.26\.\d+ +Go 1\.27\.\d+\n/);
  assert.match(text.stdout, /\nappend\(\[\]int, 1000\) +\d+ +\d+\n/);

  const json = golab([...common, "--json"]);
  const results = JSON.parse(json.stdout) as { go: string; case: unknown; allocatedBytes: number; mallocs: number }[];
  assert.deepEqual(results.map((r) => r.go.split(".").slice(0, 2).join(".")), ["1.26", "1.26", "1.27", "1.27"]);
  assert.deepEqual(results.map((r) => r.case), [...cases, ...cases].map((c) => parseCase(c)));

  const bench = golab([...common, "--format", "benchfmt"]);
  assert.equal(bench.status, 0, bench.stderr);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-benchfmt-"));
  try {
    fs.writeFileSync(path.join(dir, "allocs.txt"), bench.stdout);
    const stat = spawnSync("go", ["run", BENCHSTAT, "-col", "go", "-format", "csv", "allocs.txt"], { cwd: dir, encoding: "utf8", timeout: 300_000 });
    if (stat.status !== 0 && /proxy|dial tcp|no such host|module lookup/.test(stat.stderr)) {
      t.skip(`benchstat could not be fetched: ${stat.stderr.trim().split("\n").pop()}`);
      return;
    }
    assert.equal(stat.status, 0, stat.stderr);
    assert.doesNotMatch(stat.stderr, /syntax error|parsing/);
    // benchstat's CSV: per unit a line of versions, a line of units, then per case: the first
    // version's value and interval, then each other version's value, interval, change and p.
    const lines = stat.stdout.split("\n");
    const unitAt = lines.findIndex((l) => l.startsWith(",allocs/op,"));
    assert.match(lines[unitAt - 1], /^,1\.26\.\d+,,1\.27\.\d+,/, "the versions as benchstat's columns");
    const rows = new Map(lines.slice(unitAt + 1).map((l) => /^"?([^"]*?)"?,([^"]*)$/.exec(l)).filter((m) => m !== null).map((m) => [m[1], m[2].split(",")]));
    for (const [i, c] of cases.entries()) {
      const name = `Alloc/${describeCase(parseCase(c)).replace(/\s+/g, "_")}`;
      const row = rows.get(name);
      assert.ok(row, `${name} in benchstat's allocs/op table`);
      assert.equal(Number(row[0]), results[i].mallocs, `${name} on 1.26: benchstat's median is golab's`);
      assert.equal(Number(row[2]), results[cases.length + i].mallocs, `${name} on 1.27`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
