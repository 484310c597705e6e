/** The measure command as a user runs it: good input prints a table or JSON, bad input one line. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { golab, golabInPrivateTmp, probeProcesses } from "../helpers/cli";

test("golab measure prints mallocs, bytes, the escape decision and the source; a repeat reads the cache", () => {
  const results = fs.mkdtempSync(path.join(os.tmpdir(), "golab-measure-cli-"));
  try {
    const env = { ...process.env, GOLAB_RESULTS_CACHE: results };
    const r = golab(["measure", "make(map[int]int, 1000)", "--go", "1.26", "--quiet"], env);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Go 1\.26\.\d+ linux\/amd64, optimized build, 21 calls per case/);
    assert.match(r.stdout, /make\(map\[int\]int, 1000\)\s+\d+\s+\d+ B/);
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
  ["no case", ["measure"], /missing required argument/],
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
