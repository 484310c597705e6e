/** The object operations from the command line: predict explains them, record refuses an unknown matrix before measuring. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { golab } from "../helpers/cli";

test("golab predict explains new, make(chan), any(x) and closures on each version", () => {
  const r = golab(["predict", "new(int32) [4 times]", "make(chan *int, 2)", "any(int(256))", "closure(int32, int32) [reassigned]", "--go", "1.27"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /runtime\.mallocgcTinySC2/);
  assert.match(r.stdout, /new\(hchan\)/);
  assert.match(r.stdout, /convT64: 256 is not below 256/);
  assert.match(r.stdout, /moved to heap together/);
});

test("golab record --matrix refuses an unknown matrix in one line, exit 2, before any Go runs", () => {
  const r = golab(["record", "--matrix", "objekts", "--go", "/nonexistent/go"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'golab: unknown matrix "objekts": use validation, objects, strings or maps\n');
});
