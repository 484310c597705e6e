/** Which entry points each Go version has, and where mallocgc returns for size 0. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expectsSpecialised, zeroReturnLine } from "../../kernel-helpers/trace";

test("size-specialised malloc: on by default in 1.27, opt-in in 1.26, absent in 1.19", () => {
  assert.equal(expectsSpecialised({ version: "1.27.3", goexperiment: "" }), true);
  assert.equal(expectsSpecialised({ version: "1.27.3", goexperiment: "nosizespecializedmalloc" }), false);
  assert.equal(expectsSpecialised({ version: "1.26.8", goexperiment: "" }), false);
  assert.equal(expectsSpecialised({ version: "1.26.8", goexperiment: "sizespecializedmalloc" }), true);
  assert.equal(expectsSpecialised({ version: "1.19.8", goexperiment: "" }), false);
  assert.equal(expectsSpecialised({ version: "1.24.1", goexperiment: "" }), null, "no rule: the binary decides");
});

test("the size-0 return of mallocgc is found in the toolchain's own malloc.go", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "golab-test-goroot-"));
  try {
    fs.mkdirSync(path.join(root, "src", "runtime"), { recursive: true });
    const file = path.join(root, "src", "runtime", "malloc.go");
    fs.writeFileSync(file, "package runtime\n\nfunc other() {\n\treturn unsafe.Pointer(&zerobase)\n}\n\nfunc mallocgc(size uintptr) unsafe.Pointer {\n\tif size == 0 {\n\t\treturn unsafe.Pointer(&zerobase)\n\t}\n}\n");
    assert.deepEqual(zeroReturnLine(root), { file, line: 9 });
    fs.writeFileSync(file, "package runtime\n");
    assert.throws(() => zeroReturnLine(root), /cannot find mallocgc's size-0 return/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
