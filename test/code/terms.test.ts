/** What the compiler and the runtime say about a code case, rewritten to the user's terms. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compileDiagnostics, crashOf, inUserTerms, userColumn } from "../../kernel-helpers/code/terms";
import { packageClause } from "../../kernel-helpers/code/files";
import { inUserTermsOnFailure } from "../../kernel-helpers/code/failure";
import { CodeError, GolabError, ProcessError } from "../../kernel-helpers/errors";

const CODE = [{ caseIndex: 0, source: "", name: "a.go" }, { caseIndex: 3, source: "", name: "b.go" }];

test("file names and package qualifiers become the user's", () => {
  assert.equal(inUserTerms("golabprobe/code0.probe (/tmp/golab-build-x/code0/code0.go:8)", 0, "a.go", "golabprobe"), "main.probe (a.go:8)");
  assert.equal(inUserTerms("golabprobe/code3.(*T).get (code3.go:2)", 3, "b.go", "golabprobe"), "main.(*T).get (b.go:2)");
  assert.equal(inUserTerms("*code0.point", 0, "a.go", "golabprobe"), "*main.point");
  // Another case's names, and names that only look alike, are left alone.
  assert.equal(inUserTerms("golabprobe/code1.probe (code1.go:8) mycode0.x", 0, "a.go", "golabprobe"), "golabprobe/code1.probe (code1.go:8) mycode0.x");
});

test("compile errors about the users' files, at the user's line and column; -m lines are not errors", () => {
  const stderr = [
    "# golabprobe/code3",
    "code3/code3.go:4:22: undefined: n",
    "code3/code3.go:1:41: undefined: strings.Foo",
    "code3/code3.go:5:6: make([]byte, 3) escapes to heap",
    "# golabprobe",
    "./main.go:12:3: something else",
  ].join("\n");
  const shift = packageClause(3).length;
  assert.equal(shift, "package code3; ".length);
  assert.deepEqual(compileDiagnostics(stderr, CODE, "golabprobe"), [
    { caseIndex: 3, line: 4, text: "b.go:4:22: undefined: n" },
    { caseIndex: 3, line: 1, text: `b.go:1:${41 - shift}: undefined: strings.Foo` },
  ]);
  assert.equal(userColumn(1, 3, 0), 3, "a column inside the package clause is kept (it cannot be the user's)");
  assert.equal(userColumn(2, 30, 0), 30);
});

test("a panic's reason and the user's frames of the failing goroutine", () => {
  const stderr = [
    "panic: runtime error: index out of range [3] with length 0",
    "",
    "goroutine 1 [running]:",
    "golabprobe/code0.at(...)",
    "\t/tmp/golab-build-1/code0/code0.go:3",
    "golabprobe/code0.probe()",
    "\t/tmp/golab-build-1/code0/code0.go:6 +0x1d",
    "main.main()",
    "\t/tmp/golab-build-1/main.go:69 +0x337",
    "",
    "goroutine 5 [chan receive]:",
    "golabprobe/code3.probe()",
    "\tcode3.go:9 +0x1d",
  ].join("\n");
  assert.deepEqual(crashOf(stderr, CODE, "golabprobe"), {
    caseIndex: 0,
    why: "panic: runtime error: index out of range [3] with length 0",
    stack: ["main.at (a.go:3)", "main.probe (a.go:6)"],
  });
  // A fatal error names its goroutines with more fields; a crash outside the users' code is not theirs.
  const fatal = "fatal error: runtime: out of memory\n\ngoroutine 1 gp=0x1 m=0 mp=0x2 [running]:\ngolabprobe/code3.probe()\n\tcode3.go:4 +0x27 fp=0x1 sp=0x2 pc=0x3\n";
  assert.deepEqual(crashOf(fatal, CODE, "golabprobe")?.stack, ["main.probe (b.go:4)"]);
  assert.equal(crashOf("panic: x\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/main.go:3 +0x1\n", CODE, "golabprobe"), null);
});

test("a probe stopped at the memory cap in the users' code: the cap and the user's line, read through the wrapper's cause", () => {
  const stderr = "fatal error: runtime: out of memory\n\ngoroutine 1 gp=0x1 m=0 mp=0x2 [running]:\ngolabprobe/code3.probe()\n\tcode3.go:4 +0x27 fp=0x1 sp=0x2 pc=0x3\n";
  const failed = new ProcessError("probe failed", { command: "probe", exitCode: 2, signal: null, stderr });
  const wrapped = new GolabError("the probe went over the memory cap", { cause: failed });
  const e = inUserTermsOnFailure(wrapped, CODE, "golabprobe", "1.26.8", 64 * 2 ** 20);
  assert.ok(e instanceof CodeError);
  assert.match(e.message, /^b\.go went over the memory cap \(64 MiB\) on Go 1\.26\.8 and was stopped .*\(at main\.probe \(b\.go:4\)\); raise it with --mem-cap/);
  // A probe without user code keeps the wrapper's own message.
  assert.equal(inUserTermsOnFailure(wrapped, [], "golabprobe", "1.26.8", 64 * 2 ** 20), wrapped);
});
