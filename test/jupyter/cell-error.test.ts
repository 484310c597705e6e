/** Reading tslab's errors back from stderr (it sends no `error` message). Samples are real tslab 1.0.22 output. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTslabError, summarize } from "../../kernel-helpers/jupyter";

const TSLAB = "/home/reader/golab/node_modules/tslab/dist";
const INTERNAL = [
  "    at sigintHandlersWrap (node:vm:280:12)",
  "    at Script.runInThisContext (node:vm:135:14)",
  "    at Object.runInThisContext (node:vm:317:38)",
  `    at Object.execute (${TSLAB}/executor.js:160:38)`,
  `    at JupyterHandlerImpl.handleExecuteImpl (${TSLAB}/jupyter.js:250:38)`,
  `    at ${TSLAB}/jupyter.js:208:57`,
  `    at async JupyterHandlerImpl.handleExecute (${TSLAB}/jupyter.js:208:21)`,
];

test("a thrown error: class, multi-line message, the cell's frames without tslab's", () => {
  const chunk = [
    "evalmachine.<anonymous>:4",
    "function f() { throw new Error(\"boom\\nline2\"); }",
    "               ^",
    "",
    "Error: boom",
    "line2",
    "    at f (evalmachine.<anonymous>:4:22)",
    "    at evalmachine.<anonymous>:6:22",
    "    at evalmachine.<anonymous>:8:3",
    ...INTERNAL,
    "",
  ].join("\n");
  const e = parseTslabError(["note\n", chunk]);
  assert.equal(e.kind, "exception");
  assert.equal(e.ename, "Error");
  assert.equal(e.evalue, "boom\nline2");
  assert.deepEqual(e.stack, ["at f (evalmachine.<anonymous>:4:22)", "at evalmachine.<anonymous>:6:22", "at evalmachine.<anonymous>:8:3"]);
  assert.equal(summarize(e), "Error: boom");
});

test("a rejected promise, a subclass, a code in brackets", () => {
  const e = parseTslabError([["RangeError: async bad", "    at evalmachine.<anonymous>:3:43", ...INTERNAL].join("\n")]);
  assert.deepEqual([e.ename, e.evalue, e.stack], ["RangeError", "async bad", ["at evalmachine.<anonymous>:3:43"]]);
  const coded = parseTslabError([["Error [ERR_X]: with a code", "    at g (/home/reader/golab/dist/kernel-helpers/x.js:1:2)", ...INTERNAL].join("\n")]);
  assert.deepEqual([coded.ename, coded.evalue, coded.stack], ["Error", "with a code", ["at g (/home/reader/golab/dist/kernel-helpers/x.js:1:2)"]]);
});

test("a thrown non-Error value is reported as printed", () => {
  const e = parseTslabError(["str\n"]);
  assert.deepEqual([e.kind, e.ename, e.evalue, e.stack], ["exception", "", "str", []]);
  assert.equal(summarize(e), "str");
});

test("type errors: every diagnostic, no stack", () => {
  const e = parseTslabError(["1:88 - Argument of type '{ mark: string; }' is not assignable.\n", "1:88 - Object literal may only specify known properties.\n"]);
  assert.equal(e.kind, "compile");
  assert.equal(e.evalue, "1:88 - Argument of type '{ mark: string; }' is not assignable.\n1:88 - Object literal may only specify known properties.");
  assert.equal(summarize(e), "1:88 - Argument of type '{ mark: string; }' is not assignable.");
});

test("interrupts are recognised", () => {
  const sync = parseTslabError([["Error: Script execution was interrupted by `SIGINT`", ...INTERNAL].join("\n")]);
  assert.equal(sync.kind, "interrupted");
  assert.deepEqual(sync.stack, []);
  const async = parseTslabError([["Error: Interrupted asynchronously", `    at createExecutor (${TSLAB}/executor.js:87:23)`].join("\n")]);
  assert.equal(async.kind, "interrupted");
});
