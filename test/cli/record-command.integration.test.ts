/** `golab record --json`: a summary of what was written, read back from the file itself. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { matrixNamed, stringsMatrix, validationMatrix } from "../../kernel-helpers/record";
import { golab } from "../helpers/cli";

test("record --json says which file it wrote, for which Go and build, and how many cases", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "golab-record-json-"));
  try {
    const r = golab(["record", "--go", "1.26", "--out", out, "--runs", "3", "--quiet", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.deepEqual(fs.readdirSync(out), [path.basename(s.written)]);
    assert.equal(path.dirname(s.written), out);
    assert.equal(s.bytes, fs.statSync(s.written).size);
    const lines = fs.readFileSync(s.written, "utf8").trim().split("\n");
    assert.equal(s.cases, lines.length - 1, "one line per case after the provenance");
    assert.equal(s.cases, validationMatrix().length);
    assert.equal(JSON.parse(lines[0]).go, s.go);
    assert.match(s.go, /^1\.26\.\d+$/);
    assert.equal(path.basename(s.written), `go${s.go}.jsonl`);
    assert.deepEqual([s.kind, s.runs, s.debug, s.source], ["measurements", 3, false, { kind: "live" }]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("record --matrix strings writes go<version>.strings.jsonl from the strings matrix; a bad --matrix is one golab line", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "golab-record-strings-"));
  try {
    const r = golab(["record", "--go", "1.26", "--matrix", "strings", "--out", out, "--runs", "3", "--quiet", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(path.basename(s.written), `go${s.go}.strings.jsonl`);
    const lines = fs.readFileSync(s.written, "utf8").trim().split("\n");
    assert.equal(JSON.parse(lines[0]).matrix, matrixNamed("strings").name);
    assert.deepEqual(lines.slice(1).map((l) => JSON.stringify(JSON.parse(l).case)), stringsMatrix(s.go).map((c) => JSON.stringify(c)));
    const bad = golab(["record", "--go", "1.26", "--matrix", "nonsense", "--out", out]);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'golab: unknown matrix "nonsense": use validation, objects, strings or maps\n');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
