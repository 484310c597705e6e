/** IOPub messages → nbformat outputs, as JupyterLab keeps them. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DisplayRegistry } from "../../kernel-helpers/jupyter/outputs";

const msg = (msg_type: string, content: unknown) => ({ header: { msg_type }, content });

test("consecutive stream text of one name is merged; stderr is kept in order", () => {
  const cell = new DisplayRegistry().cell();
  cell.add(msg("stream", { name: "stdout", text: "a" }));
  cell.add(msg("stream", { name: "stdout", text: "b\n" }));
  cell.add(msg("stream", { name: "stderr", text: "oops\n" }));
  cell.add(msg("stream", { name: "stdout", text: "c\n" }));
  assert.equal(cell.add(msg("status", { execution_state: "idle" })), false);
  assert.deepEqual(cell.outputs, [
    { output_type: "stream", name: "stdout", text: "ab\n" },
    { output_type: "stream", name: "stderr", text: "oops\n" },
    { output_type: "stream", name: "stdout", text: "c\n" },
  ]);
  assert.deepEqual(cell.stderrChunks, ["oops\n"]);
  assert.equal(cell.stdout(), "ab\nc\n");
});

test("display ids: an update replaces the data wherever that display is, in any cell", () => {
  const displays = new DisplayRegistry();
  const first = displays.cell();
  first.add(msg("display_data", { data: { "text/plain": "0%" }, metadata: {}, transient: { display_id: "p1" } }));
  const second = displays.cell();
  second.add(msg("update_display_data", { data: { "text/plain": "100%" }, metadata: {}, transient: { display_id: "p1" } }));
  assert.deepEqual(first.outputs, [{ output_type: "display_data", data: { "text/plain": "100%" }, metadata: {} }]);
  assert.deepEqual(second.outputs, []);
});

test("clear_output clears now, or at the next output with wait", () => {
  const cell = new DisplayRegistry().cell();
  cell.add(msg("stream", { name: "stdout", text: "old\n" }));
  cell.add(msg("clear_output", { wait: true }));
  assert.equal(cell.outputs.length, 1);
  cell.add(msg("stream", { name: "stdout", text: "new\n" }));
  assert.deepEqual(cell.outputs, [{ output_type: "stream", name: "stdout", text: "new\n" }]);
  cell.add(msg("clear_output", { wait: false }));
  assert.deepEqual(cell.outputs, []);
});

test("malformed messages are refused, error messages are kept", () => {
  const cell = new DisplayRegistry().cell();
  assert.throws(() => cell.add(msg("stream", { name: "stdin", text: "x" })), /malformed stream/);
  assert.throws(() => cell.add(msg("display_data", { data: "x" })), /malformed display_data/);
  cell.add(msg("error", { ename: "ValueError", evalue: "bad", traceback: ["line"] }));
  assert.deepEqual(cell.errors, [{ output_type: "error", ename: "ValueError", evalue: "bad", traceback: ["line"] }]);
});
