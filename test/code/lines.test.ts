/** Each traced allocation's user line, and the summary per line. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { inUserTermsAll, summarizeLines, userLineOf } from "../../kernel-helpers/code/lines";

test("the user's line is the first frame in the case's own file, innermost first", () => {
  const frames = [
    { file: "/usr/lib/go/src/runtime/malloc.go", line: 1000 },
    { file: "/tmp/b/code2/code2.go", line: 7 },
    { file: "/tmp/b/code2/code2.go", line: 12 },
  ];
  assert.equal(userLineOf(frames, 2), 7);
  assert.equal(userLineOf(frames, 1), undefined, "another case's file is not this case's");
});

test("lines sum what they allocated; size-0 calls and allocations without a user line are left out", () => {
  const a = (line: number | undefined, size: number, rounded: number) => ({ size, rounded, site: "runtime.growslice", line });
  assert.deepEqual(summarizeLines([a(9, 33, 48), a(4, 8, 16), a(9, 40, 48), a(undefined, 8, 8), a(4, 0, 0)]), [
    { line: 4, mallocs: 1, bytes: 8, allocatedBytes: 16 },
    { line: 9, mallocs: 2, bytes: 73, allocatedBytes: 96 },
  ]);
});

test("allocations are rewritten to the user's names, the input left alone", () => {
  const input = [{ size: 8, rounded: 8, site: "golabprobe/code0.probe", caller: "golabprobe/code0.probe", type: "*code0.T", stack: ["golabprobe/code0.probe (code0.go:4)"], line: 4 }];
  const out = inUserTermsAll(input, 0, "t.go", "golabprobe");
  assert.deepEqual(out[0], { size: 8, rounded: 8, site: "main.probe", caller: "main.probe", type: "*main.T", stack: ["main.probe (t.go:4)"], line: 4 });
  assert.equal(input[0].site, "golabprobe/code0.probe");
});
