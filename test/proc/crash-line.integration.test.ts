/**
 * A Go program that crashes is reported with the runtime's `fatal error:` (or `panic:`) line, not
 * with the last line of its stderr, which is a goroutine's stack frame.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ProcessError } from "../../kernel-helpers/errors";
import { findToolchain } from "../../kernel-helpers/go";
import { runProcess, withTempDir } from "../../kernel-helpers/proc";

const PROGRAMS = [
  { what: "fatal error", main: "func main() { select {} }", line: "fatal error: all goroutines are asleep - deadlock!" },
  { what: "panic", main: 'func main() { var m map[string]int; m["x"] = 1 }', line: "panic: assignment to entry in nil map" },
];

for (const { what, main, line } of PROGRAMS) {
  test(`a Go ${what} is reported with its own line`, async () => {
    const tc = await findToolchain(undefined);
    await withTempDir("crash", async (dir) => {
      fs.writeFileSync(path.join(dir, "main.go"), `package main\n\n${main}\n`);
      fs.writeFileSync(path.join(dir, "go.mod"), "module crash\n\ngo 1.19\n");
      await runProcess(tc.goBinary, ["build", "-o", "crash", "."], { cwd: dir, env: { ...tc.env, GOTMPDIR: dir } });
      const binary = path.join(dir, "crash");
      const run = await runProcess(binary, [], { check: false });
      assert.notEqual(run.stderr.trim().split("\n").slice(-1)[0], line, "the line is not the last one: the test shows nothing otherwise");
      await assert.rejects(runProcess(binary, []), (e: unknown) => e instanceof ProcessError && e.message === `${binary} exited with status 2: ${line}`);
    });
  });
}
