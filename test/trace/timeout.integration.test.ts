/**
 * dlv and the traced program never outlive a trace: not after a timeout, not after an abort, not
 * after Ctrl-C on the command line. The probe binary is unique to this test (a case nothing else
 * traces), so its processes, and the dlv whose command line names it, can be counted in /proc;
 * only processes carrying this test's GOLAB_TEST_MARKER are counted (test/helpers/processes.ts), so
 * the same test running in another checkout does not count here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { parseCase } from "../../kernel-helpers/case";
import { TimeoutError, GolabError } from "../../kernel-helpers/errors";
import { findToolchain, languageVersion } from "../../kernel-helpers/go";
import { buildProbe, generateProbe } from "../../kernel-helpers/probe";
import { stillThere, tracked, waitUntil } from "../../kernel-helpers/proc";
import { trace } from "../../kernel-helpers/trace";
import { processesMentioning } from "../helpers/processes";

// 20011 fresh pointers in detail mode: far more than a few seconds of stops.
const CASE = '{"op":"mapinsert","key":"int","elem":"*int","n":20011,"freshElem":true}';
const CLI = path.resolve(__dirname, "..", "..", "kernel-helpers", "cli", "main.js");

async function probeBinary(): Promise<string> {
  const tc = await findToolchain(undefined);
  return (await buildProbe(generateProbe([parseCase(CASE)], languageVersion(tc.version)), tc)).binary;
}

test("a trace that times out leaves no dlv and no probe process", { timeout: 120_000 }, async () => {
  const binary = await probeBinary();
  assert.deepEqual(processesMentioning(binary), [], "nothing runs before");
  const run = trace(CASE, { mode: "detail", stack: 1, timeoutMs: 4_000 });
  const settled = run.then(() => null, (e: unknown) => e);
  // While it runs, dlv and the probe are there to be counted (dlv's command line names the binary).
  assert.ok(await waitUntil(() => processesMentioning(binary).length >= 2, 30_000), "dlv and the probe were seen running");
  const seen = processesMentioning(binary).map((p) => p.pid);
  const error = await settled;
  assert.ok(error instanceof TimeoutError, `a TimeoutError, got ${String(error)}`);
  assert.deepEqual(processesMentioning(binary), [], "no dlv or probe left");
  assert.deepEqual(stillThere(seen), [], "not even as zombies");
  assert.deepEqual(tracked().groups, [], "no process group still tracked");
});

test("an aborted trace leaves no dlv and no probe process", { timeout: 120_000 }, async () => {
  const binary = await probeBinary();
  const controller = new AbortController();
  const settled = trace(CASE, { mode: "detail", stack: 1, signal: controller.signal }).then(() => null, (e: unknown) => e);
  assert.ok(await waitUntil(() => processesMentioning(binary).length >= 2, 30_000), "dlv and the probe were seen running");
  const seen = processesMentioning(binary).map((p) => p.pid);
  controller.abort();
  const error = await settled;
  assert.ok(error instanceof GolabError && /interrupted/.test(error.message), `the trace says it was interrupted, got ${String(error)}`);
  assert.deepEqual(processesMentioning(binary), [], "no dlv or probe left");
  assert.deepEqual(stillThere(seen), [], "not even as zombies");
  assert.deepEqual(tracked().groups, []);
});

test("Ctrl-C on `golab trace` kills dlv and the probe", { timeout: 120_000 }, async () => {
  const binary = await probeBinary();
  const child = spawn(process.execPath, [CLI, "trace", CASE, "--stack", "1", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  assert.ok(await waitUntil(() => processesMentioning(binary).length >= 2, 30_000), "dlv and the probe were seen running");
  const seen = processesMentioning(binary).map((p) => p.pid);
  child.kill("SIGINT");
  assert.equal(await exited, 130, stderr);
  assert.match(stderr, /interrupted/);
  assert.deepEqual(processesMentioning(binary), [], "no dlv or probe left");
  // The CLI exits at once, killing both; the program, dlv's child, is then reaped by init.
  assert.ok(await waitUntil(() => stillThere(seen).length === 0, 5_000), `left: ${JSON.stringify(stillThere(seen))}`);
});
