/** `golab predict` as a user runs it (lives here, beside the simulator it fronts). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { simulate } from "../../kernel-helpers/sim";
import { formatBytes } from "../../kernel-helpers/bytes";
import { CLI, golab } from "../helpers/cli";

test("golab predict prints a labelled table and every allocation's reason", () => {
  const r = golab(["predict", "make(map[int]int, 1000)", "_ = make([]int, 1000)", "--go", "1.19"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^simulated \(model of Go 1\.19\.8 amd64/);
  const sim = simulate("make(map[int]int, 1000)", { go: "1.19" });
  const cells = [`${sim.mallocs}`, formatBytes(sim.bytes), formatBytes(sim.allocatedBytes)];
  assert.match(formatBytes(sim.bytes), /KiB$/);
  assert.match(r.stdout, new RegExp(`make\\(map\\[int\\]int, 1000\\)\\s+${cells.map((c) => c.replace(/\./g, "\\.")).join("\\s+")}\\s`), "sizes in KiB");
  assert.match(r.stdout, /runtime\.makeBucketArray/);
  assert.match(r.stdout, /on the stack/);
  assert.equal(r.stderr, "");
});

test("--json prints SimResults; hash-dependent cases carry a distribution", () => {
  const r = golab(["predict", '{"op":"mapinsert","key":"int","elem":"int","n":100}', "--go", "1.19", "--json", "--seeds", "50"]);
  assert.equal(r.status, 0, r.stderr);
  const [res] = JSON.parse(r.stdout);
  assert.equal(res.backend, "simulate");
  assert.equal(res.distribution.runs, 50);
  assert.ok(res.allocations.some((a: { random?: boolean }) => a.random));
});

test("an unmodelled version is one line naming the modelled ones, exit 2", () => {
  const r = golab(["predict", "make([]int, 1)", "--go", "1.22"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /1\.19\.8, 1\.26\.8, 1\.27\.3/);
});

test("--from FILE: one JSON line per case as --json gives it, bad lines named by number on stderr, exit 2 at the end", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-from-"));
  try {
    const file = path.join(dir, "cases.txt");
    fs.writeFileSync(file, "make(map[int]int, 1000)\nmake([]int\n\n_ = make([]int, 1000)\n");
    const r = golab(["predict", "--from", file, "--go", "1.19", "--json"]);
    assert.equal(r.status, 2);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    const [whole] = JSON.parse(golab(["predict", "make(map[int]int, 1000)", "--go", "1.19", "--json"]).stdout);
    assert.deepEqual(lines[0], whole, "the same object as predict --json prints");
    assert.equal(lines.length, 2);
    assert.match(r.stderr, new RegExp(`^golab: ${file.replace(/[/.]/g, "\\$&")}:2: `));
    assert.match(r.stderr, /1 of 3 case lines was refused/);
    const text = golab(["predict", "--from", file, "--go", "1.19"]);
    assert.match(text.stdout, /^simulated \(model of Go 1\.19\.8/);
    const sim = simulate("make(map[int]int, 1000)", { go: "1.19" });
    const row = ["make(map[int]int, 1000)", String(sim.mallocs), formatBytes(sim.bytes), formatBytes(sim.allocatedBytes), String(sim.tinyAllocs)].join("\t");
    assert.ok(text.stdout.split("\n").includes(row), `${JSON.stringify(row)} in\n${text.stdout}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--from - reads standard input; a closed pipe ends quietly; a missing file is one line", () => {
  const stdin = spawnSync(process.execPath, [CLI, "predict", "--from", "-", "--json"], { input: "make([]int, 5)\n", encoding: "utf8" });
  assert.equal(stdin.status, 0, stdin.stderr);
  assert.equal(JSON.parse(stdin.stdout).mallocs, 1);
  const cases = Array.from({ length: 20000 }, (_, i) => `make(map[int]int, ${i})`).join("\n");
  const head = spawnSync("bash", ["-c", `node ${CLI} predict --from - --json | head -1`], { input: cases, encoding: "utf8" });
  assert.equal(head.stderr, "");
  assert.equal(head.stdout.trim().split("\n").length, 1);
  const missing = golab(["predict", "--from", "/nonexistent/cases"]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'golab: cannot read "/nonexistent/cases": no such file\n');
  assert.equal(golab(["predict", "--from", "-", "make([]int, 1)"]).status, 2, "cases and --from together");
});
