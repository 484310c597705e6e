/** The golab program itself: its version, a reader that stops early, a --go that is not a go, long values, unreadable notebooks. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLI, golab, golabInPrivateTmp } from "../helpers/cli";

test("golab --version prints package.json's version", () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string };
  const r = golab(["--version"]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim(), pkg.version);
});

test("a reader that closes the pipe early (| head -1) gets no stack trace", async () => {
  const cases = Array.from({ length: 400 }, (_, i) => `make([]int, ${i})`);
  const child = spawn(process.execPath, [CLI, "predict", ...cases, "--json"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  await new Promise<void>((resolve) => child.stdout.once("data", () => {
    child.stdout.destroy();
    resolve();
  }));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(stderr, "");
  assert.equal(code, 0);
});

test("--go naming a file that is not a go command: one line, exit 1", () => {
  const r = golab(["measure", "make([]int, 3)", "--go", "/etc/passwd"]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'golab: "/etc/passwd" is not an executable go command\n');
  // An executable that is not Go is named as the path given, not as "the machine's go".
  const notGo = golab(["measure", "make([]int, 3)", "--go", "/bin/false"]);
  assert.equal(notGo.status, 1);
  assert.match(notGo.stderr, /^golab: "\/bin\/false" is not a working go: `go env` failed \(.*\)\n$/);
});

test("claims refuses a Go version no command can run, as measure does (one parser)", () => {
  for (const args of [["claims", "--go", "1.99", "--recorded"], ["measure", "make([]int, 1)", "--go", "1.99"]]) {
    const r = golab(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr, 'golab: unknown Go version "1.99": use 1.19, 1.26, 1.27 or the path to a go binary\n');
  }
  const long = golab(["claims", "--go", "1.".repeat(5000), "--recorded"]);
  assert.equal(long.status, 2);
  assert.ok(long.stderr.length < 200, "a long value is cut in the message");
});

test("export refuses a parameter no chapter declares, before anything starts (a typo must not run live Go)", () => {
  const r = golabInPrivateTmp(["export", "--set", "lve=false", "--out", "/nonexistent/never-made"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^golab: unknown parameter "lve": the parameters cell declares .*\blive\b.*\n$/);
  assert.deepEqual(r.leftBehind, []);
  assert.equal(fs.existsSync("/nonexistent/never-made"), false);
});

test("export --only: a name that is no chapter is refused with the chapters' names (exit 2), even beside a real one", () => {
  const r = golabInPrivateTmp(["export", "--only", "ch1", "--only", "chX", "--out", "/nonexistent/never-made"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^golab: no chapter notebook matches "chX"; the chapters are ch1, .* or ch\d+\n$/);
  assert.deepEqual(r.leftBehind, []);
  assert.equal(fs.existsSync("/nonexistent/never-made"), false);
});

test("record --only: without --experiments, or naming no experiment, one line and exit 2 before anything runs", () => {
  const alone = golab(["record", "--only", "map-or-slice-costs", "--out", "/nonexistent/never-made"]);
  assert.equal(alone.status, 2);
  assert.equal(alone.stderr, "golab: --only needs --experiments\n");
  const typo = golab(["record", "--experiments", "--only", "map-or-slise", "--out", "/nonexistent/never-made"]);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /^golab: unknown experiment "map-or-slise" \(known: .*map-or-slice-costs, map-or-slice-timings, own-code\)\n$/);
  assert.equal(fs.existsSync("/nonexistent/never-made"), false);
});

test("a 10 KB value, command, option or path is cut in its message: one line, exit 2, no stack", () => {
  const L = "x".repeat(10_000);
  const nowhere = ["--out", "/nonexistent/never-made"];
  const RUNS: string[][] = [
    ["predict", "make([]int, 5)", "--go", L], ["predict", "make([]int, 5)", "--go", `1.19,${L}`],
    ["predict", "make([]int, 5)", "--escape", L], ["predict", "make([]int, 5)", "--seeds", L], ["predict", "--from", L],
    ["measure", "make([]int, 5)", "--format", L], ["measure", "make([]int, 5)", "--runs", L], ["measure", "make([]int, 5)", "--mem-cap", L],
    ["measure", "--code", L], ["measure", `--${L}`], ["trace", "make([]int, 5)", "--experiment", L], ["trace", "make([]int, 5)", "--stack", L],
    ["record", "--matrix", L, ...nowhere], ["record", "--experiments", "--only", L, ...nowhere],
    ["run", L], ["run", "notebooks/ch1.ipynb", "--set", L], ["export", "--timeout", L], ["lab", "--port", L],
    ["claims", "--go", L], ["cache", L], [L],
  ];
  for (const args of RUNS) {
    const shown = args.map((a) => (a.length > 40 ? `<${a.length} characters>` : a)).join(" ");
    const r = golab(args);
    assert.equal(r.status, 2, `${shown}: ${r.stderr.slice(0, 300)}`);
    assert.equal(r.stdout, "", shown);
    assert.match(r.stderr, /^golab: [^\n]+\n$/, `${shown}: one line`);
    assert.doesNotMatch(r.stderr, /internal error/, shown);
    assert.ok(r.stderr.length < 600, `${shown}: ${r.stderr.length} characters`);
  }
});

test("golab run of a path that is no notebook file: one line naming why, exit 2", () => {
  for (const [file, why] of [
    ["/tmp", "it is a folder"],
    [`${__filename}/x`, "a part of the path is not a folder"],
    [`/tmp/${"n".repeat(300)}.ipynb`, "the name is too long"],
  ]) {
    const r = golab(["run", file]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^golab: cannot read notebook "[^"\\n]+": ${why}\\n$`));
  }
});
