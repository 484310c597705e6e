/**
 * The user's code going wrong, as a user sees it from the command line: one `golab: …` line in
 * the user's terms (their file name, their line), a non-zero exit, and no process or folder left.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { golabInPrivateTmp, probeProcesses } from "../helpers/cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-codetest-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function userFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Runs golab and checks the one line it prints, the exit status and that nothing is left. */
function fails(args: string[], expected: RegExp): void {
  const run = golabInPrivateTmp([...args, "--quiet", "--no-cache"]);
  assert.equal(run.status, 2, `exit status 2 (stderr: ${run.stderr})`);
  assert.equal(run.stdout, "");
  assert.equal(run.stderr.split("\n").filter(Boolean).length, 1, `one line: ${run.stderr}`);
  assert.match(run.stderr, expected);
  assert.deepEqual(run.leftBehind, [], "no temporary folder left");
  assert.deepEqual(probeProcesses(), [], "no probe, go build or dlv left");
}

test("a compile error is the compiler's message at the user's line, in the user's file", () => {
  const file = userFile("bad.go", ["var sink []byte", "", "func probe() {", "\tsink = make([]byte, n)", "}"]);
  fails(["measure", "--code", file], /^golab: bad\.go does not compile with Go [\d.]+: bad\.go:4:22: undefined: n\n$/);
});

test("what a code case may not hold is refused before anything is compiled", () => {
  fails(["measure", "--code", userFile("pkg.go", ["package main", "func probe() {}"])], /^golab: pkg\.go starts with a package clause/);
  fails(["measure", "--code", userFile("main.go", ["func probe() {}", "", "func main() {}"])], /^golab: main\.go:3: func main: leave it out/);
  fails(["measure", "--code", userFile("mod.go", ["import \"golang.org/x/exp/slices\"", "func probe() { _ = slices.Max }"])], /^golab: mod\.go:1: import "golang\.org\/x\/exp\/slices" is not a package of Go [\d.]+'s standard library/);
  fails(["trace", "--code", userFile("noprobe.go", ["func Probe() {}"])], /^golab: noprobe\.go has no func probe\(\)/);
});

test("a panic is reported with the user's stack, from measure and from trace", () => {
  const file = userFile("panic.go", ["var xs []int", "", "func at(i int) int { return xs[i] }", "", "func probe() {", "\t_ = at(3)", "}"]);
  fails(["measure", "--code", file], /^golab: panic\.go panicked on Go [\d.]+: panic: runtime error: index out of range \[3\] with length 0 \(at main\.at \(panic\.go:3\) ← main\.probe \(panic\.go:6\)\)\n$/);
  fails(["trace", "--code", file], /^golab: panic\.go panicked on Go [\d.]+ under the tracer/);
});

test("an endless loop is stopped at the time limit, by measure and by trace", () => {
  const file = userFile("loop.go", ["var n int", "", "func probe() {", "\tfor {", "\t\tn++", "\t}", "}"]);
  fails(["measure", "--code", file, "--timeout", "2"], /^golab: loop\.go did not finish within 2 s \(the time limit/);
  fails(["trace", "--code", file, "--timeout", "4"], /^golab: loop\.go did not finish within 4 s \(the time limit/);
});

test("the user's code is held to the memory cap: going over it is one line naming the cap and the user's line", () => {
  const file = userFile("huge.go", ["var sink []byte", "", "func probe() {", "\tsink = make([]byte, 1<<40)", "}"]);
  fails(["measure", "--code", file], /^golab: huge\.go went over the memory cap \(1 GiB\) on Go [\d.]+ and was stopped .*\(at main\.probe \(huge\.go:4\)\); raise it with --mem-cap/);
  // 256 MiB the machine could give, but not under a 64 MiB cap.
  const big = userFile("big.go", ["var sink []byte", "", "func probe() {", "\tsink = make([]byte, 256<<20)", "}"]);
  fails(["measure", "--code", big, "--mem-cap", "64MiB"], /^golab: big\.go went over the memory cap \(64 MiB\) on Go [\d.]+ and was stopped .*\(at main\.probe \(big\.go:4\)\)/);
});
