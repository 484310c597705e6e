/** A code case in the probe program: its own package and file, the user's text whole, lines kept. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseCase } from "../../kernel-helpers/case";
import { isStandardPackage } from "../../kernel-helpers/code/check";
import { generateProbe } from "../../kernel-helpers/probe";

const SOURCE = "import \"strings\"\n\nvar sink string\n\nfunc probe() {\n\tsink = strings.Repeat(\"ab\", 3)\n}\n";

test("the user's source is its own file, copied whole, each line at its own number", () => {
  const probe = generateProbe([parseCase("make([]int, 3)"), parseCase({ op: "code", source: SOURCE, name: "r.go" })], "1.26");
  const user = probe.files.find((f) => f.path === "code1/code1.go")!;
  assert.ok(user.source.endsWith(SOURCE), "the text is the user's");
  assert.deepEqual(user.source.split("\n").slice(1), SOURCE.split("\n").slice(1), "every line after the first unchanged, at its number");
  assert.match(user.source.split("\n")[0], /^package code1; import "strings"$/);
  assert.ok(!probe.source.includes("strings.Repeat"), "main.go holds none of it");
  assert.match(probe.source, /var probes = \[\.\.\.\]func\(\)\{probe0, probe1\}/);
  assert.deepEqual(probe.files.map((f) => f.path).sort(), ["code1/code1.go", "code1/entry.go", "code1_glue.go"]);
  assert.deepEqual(probe.userCode, [{ caseIndex: 1, source: SOURCE, name: "r.go" }]);
});

test("a standard package is a folder of Go files in GOROOT/src, outside cmd, internal and vendor", () => {
  const goroot = fs.mkdtempSync(path.join(os.tmpdir(), "golab-goroot-"));
  try {
    for (const [dir, file] of [["strings", "strings.go"], ["encoding/json", "decode.go"], ["internal/abi", "abi.go"], ["cmd/go", "main.go"], ["testonly", "x_test.go"]]) {
      fs.mkdirSync(path.join(goroot, "src", dir), { recursive: true });
      fs.writeFileSync(path.join(goroot, "src", dir, file), "package x\n");
    }
    assert.ok(isStandardPackage("strings", goroot));
    assert.ok(isStandardPackage("encoding/json", goroot));
    for (const p of ["internal/abi", "cmd/go", "testonly", "encoding", "C", "github.com/x/y", "../strings", "strings/", "golabprobe", "iter"]) {
      assert.equal(isStandardPackage(p, goroot), false, p);
    }
  } finally {
    fs.rmSync(goroot, { recursive: true, force: true });
  }
});
