/**
 * The runner on the real tslab kernel of a real jupyter server (one server for the file; each
 * notebook gets its own kernel, as a reader's run would).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { JupyterServer, KernelSession, runNotebook, startJupyterServer } from "../../kernel-helpers/jupyter";
import { descendantsOf } from "../../kernel-helpers/proc";
import { tracked } from "../../kernel-helpers/proc";
import * as fs from "node:fs";
import { REPO, eventuallyEmpty, fixture, jupyterProcesses, jupyterTempDirs, privateTmp } from "./helpers";

let server: JupyterServer;

before(async () => {
  server = await startJupyterServer({ rootDir: REPO, startTimeoutMs: 90_000 });
  process.stdout.write(`# jupyter server ready in ${server.startMs} ms\n`);
}, { timeout: 120_000 });

after(async () => {
  await server?.stop();
});

/** The server has no kernel (or anything else) running below it. */
async function assertNoKernels(): Promise<void> {
  const left = await eventuallyEmpty(() => descendantsOf(server.pid).map((p) => String(p.pid)));
  assert.deepEqual(left, [], "no process left below the server");
}

test("a throwing cell: its index, message and stack are reported, and the later cells still run", { timeout: 120_000 }, async () => {
  const run = await runNotebook(fixture("errors.ipynb"), { server, kernelStartTimeoutMs: 60_000, cellTimeoutMs: 60_000 });
  process.stdout.write(`# kernel start ${run.timings.kernelStartMs} ms, run ${run.timings.totalMs} ms\n`);
  assert.deepEqual(run.cells.map((c) => [c.index, c.status]), [[1, "ok"], [2, "error"], [3, "ok"], [4, "error"], [5, "error"], [6, "ok"]]);
  const thrown = run.cells[1];
  assert.equal(thrown.sourceIndex, 2);
  assert.equal(thrown.error?.kind, "exception");
  assert.equal(thrown.error?.ename, "RangeError");
  assert.equal(thrown.error?.evalue, "boom in the fixture");
  assert.match(thrown.error?.stack[0] ?? "", /^at explode \(evalmachine\.<anonymous>:\d+:\d+\)$/);
  assert.ok(thrown.error?.stack.every((f) => !/tslab[\\/]dist|node:vm/.test(f)), "no tslab frames");
  // The state survived the throw: cell 3 sees what cells 1 and 2 pushed.
  assert.equal(run.cells[2].outputs[0]?.text, "after the throw: 1,2,3\n");
  assert.equal(run.cells[3].error?.kind, "compile");
  assert.match(run.cells[3].error?.evalue ?? "", /^1:7 - Type 'string' is not assignable to type 'number'\.$/);
  assert.deepEqual([run.cells[4].error?.ename, run.cells[4].error?.evalue], ["TypeError", "rejected at once"]);
  assert.equal(run.cells[5].outputs[0]?.text, "still alive: 1,2,3\n");
  assert.equal(run.ok, false);
  assert.deepEqual(run.failed.map((c) => c.index), [2, 4, 5]);
  // The executed notebook records the failure where papermill would.
  const meta = run.notebook.cells[2].metadata as { golab_run?: { status: string; error: { ename: string } } };
  assert.deepEqual([meta.golab_run?.status, meta.golab_run?.error.ename], ["error", "RangeError"]);
  await assertNoKernels();
});

test("tslab's 200 ms abort window: cells sent right after an error run instead of coming back aborted", { timeout: 120_000 }, async () => {
  const kernel = await KernelSession.start(server, { startTimeoutMs: 60_000 });
  try {
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const failed = await kernel.execute(`throw new Error("fail ${i}")`);
      const next = await kernel.execute(`"ran ${i}"`);
      statuses.push(failed.status, next.status);
      assert.equal(failed.error?.evalue, `fail ${i}`);
      assert.equal(next.outputs.stdout(), `ran ${i}\n`);
    }
    assert.deepEqual(statuses, ["error", "ok", "error", "ok", "error", "ok"]);
  } finally {
    await kernel.shutdown();
  }
});

test("parameter injection changes what a cell prints and what the chart shows", { timeout: 120_000 }, async () => {
  const base = await runNotebook(fixture("chart.ipynb"), { server });
  const set = await runNotebook(fixture("chart.ipynb"), { server, parameters: { hint: "5000", label: "from --set" }, rawParameters: true });
  assert.ok(base.ok && set.ok, JSON.stringify([base.failed, set.failed]));
  assert.equal(base.cells[1].outputs[0]?.text, "hint = 1000; label = make(map[int]int, hint)\n");
  assert.equal(set.cells[2].outputs[0]?.text, "hint = 5000; label = from --set\n");
  assert.equal(set.cells[1].sourceIndex, null, "the injected cell");
  const chart = set.cells[3].outputs[0] as { output_type: string; data: Record<string, { title?: string }> };
  assert.equal(chart.output_type, "display_data");
  assert.equal(chart.data["application/vnd.vegalite.v5+json"]?.title, "fixture chart (hint = 5000)");
});

test("a cell over its time limit is interrupted and the run goes on", { timeout: 120_000 }, async () => {
  const run = await runNotebook(fixture("slow.ipynb"), { server, cellTimeoutMs: 2000 });
  assert.deepEqual(run.cells.map((c) => c.status), ["ok", "timeout", "ok"]);
  assert.equal(run.cells[1].error?.kind, "timeout");
  assert.equal(run.cells[1].restarted, false);
  assert.ok(run.cells[1].durationMs >= 2000 && run.cells[1].durationMs < 10_000, `${run.cells[1].durationMs} ms`);
  assert.equal(run.cells[2].outputs[0]?.text, "after the slow cell: before,after\n", "the kernel kept its state");
  await assertNoKernels();
});

test("a cell that ignores the interrupt: the kernel is restarted, the rest is skipped, nothing is left", { timeout: 120_000 }, async () => {
  const run = await runNotebook(fixture("hung.ipynb"), { server, cellTimeoutMs: 1500, interruptGraceMs: 1000 });
  assert.deepEqual(run.cells.map((c) => c.status), ["ok", "timeout", "skipped"]);
  assert.equal(run.cells[1].restarted, true);
  assert.match(run.cells[1].error?.evalue ?? "", /ignored the interrupt, so the kernel was restarted/);
  assert.deepEqual(run.cells[2].outputs, []);
  await assertNoKernels();
});

test("kernels started side by side: shutting one down leaves the other running", { timeout: 180_000 }, async () => {
  // Both start before either is known: each once took the other's process for its own, and its
  // shutdown killed the other kernel mid-cell (chapters exported side by side died that way).
  const [first, second] = await Promise.all([KernelSession.start(server, { startTimeoutMs: 120_000 }), KernelSession.start(server, { startTimeoutMs: 120_000 })]);
  try {
    assert.equal(first.pids.length, 1, "one process each");
    assert.equal(second.pids.length, 1, "one process each");
    assert.notDeepEqual(first.pids, second.pids);
    const running = second.execute("await new Promise((r) => setTimeout(r, 2000));\n\"still here\"", { timeoutMs: 60_000 });
    await first.shutdown();
    const ended = await running;
    assert.equal(ended.status, "ok", JSON.stringify(ended.error));
    assert.equal(ended.outputs.stdout(), "still here\n");
  } finally {
    await Promise.all([first.shutdown(), second.shutdown()]);
  }
  await assertNoKernels();
});

test("a kernel that dies in a cell is reported, and the remaining cells are not run", { timeout: 120_000 }, async () => {
  const kernel = await KernelSession.start(server);
  try {
    const died = await kernel.execute("setTimeout(() => process.exit(3), 10);\nawait new Promise((r) => setTimeout(r, 30_000));", { timeoutMs: 20_000 });
    assert.equal(died.status, "died");
    assert.equal(died.error?.kind, "kernel-died");
    // Jupyter restarted it: a fresh kernel, without the old state, answers.
    const after = await kernel.execute("typeof process.pid");
    assert.equal(after.status, "ok");
  } finally {
    await kernel.shutdown();
  }
  await assertNoKernels();
});

test("its own server: a timed-out run leaves no server, kernel or temporary folder behind", { timeout: 120_000 }, async () => {
  const before = tracked();
  // A TMPDIR of the test's own: the runtime folder and processes looked for are this run's.
  const tmp = privateTmp();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const run = await runNotebook(fixture("hung.ipynb"), { cellTimeoutMs: 1500, interruptGraceMs: 1000 });
    assert.notEqual(run.timings.serverStartMs, null);
    process.stdout.write(`# own server: start ${run.timings.serverStartMs} ms, kernel ${run.timings.kernelStartMs} ms, total ${run.timings.totalMs} ms\n`);
    assert.deepEqual(run.cells.map((c) => c.status), ["ok", "timeout", "skipped"]);
    assert.deepEqual(jupyterTempDirs(tmp), []);
    assert.deepEqual(await eventuallyEmpty(() => jupyterProcesses(tmp)), []);
    assert.deepEqual(tracked(), before);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("a kernel that is not registered gets a message that says how to install it", { timeout: 60_000 }, async () => {
  await assert.rejects(KernelSession.start(server, { kernelName: "no-such-kernel" }), /the Jupyter kernel "no-such-kernel" is not registered with golab's Jupyter\. Register it with `bash scripts\/setup\.sh`/);
});

test("a kernel start that runs out of time says how far it got, and leaves no kernel behind", { timeout: 120_000 }, async () => {
  // tslab answers 0.9 to 3 s after its session is asked for (a clean clone's first start took
  // under 1 s): 50 ms runs out before the server has made the session, 300 ms mostly after, while
  // the kernel starts. Either way what the start made is shut down.
  for (const ms of [50, 300]) {
    // A start that does answer in time is shut down (left open, its connection kept this file's
    // process alive after the tests) and said so; the other is what is checked.
    const failed = await KernelSession.start(server, { startTimeoutMs: ms }).then(
      async (k) => { await k.shutdown(); return null; },
      (e: unknown) => e as Error,
    );
    if (failed === null) {
      process.stdout.write(`# ${ms} ms: the kernel answered in time here, nothing to check\n`);
    } else {
      assert.match(failed.message, /did not start within 0 s \((the client library was not ready|the server did not create the session|no kernel_info reply \(kernel \w+, websocket \w+, lost \d+ times\))\)/);
      process.stdout.write(`# ${ms} ms: ${failed.message.split("; ")[0]}\n`);
    }
    await assertNoKernels();
  }
});
