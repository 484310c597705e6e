/**
 * Nothing outlives a run: after a probe that times out, after an interrupt during the build or
 * during the run, and after SIGKILL to golab itself (its watchdog cleans up), no probe or go build
 * process and no temporary folder is left. Each test runs
 * with its own TMPDIR and probe cache, and counts only processes that carry this test's
 * GOLAB_TEST_MARKER (test/helpers/processes.ts), so it looks only at what it started.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measure } from "../../kernel-helpers/measure";
import { TimeoutError } from "../../kernel-helpers/errors";
import { sleep, tracked, waitUntil, watchdogPid } from "../../kernel-helpers/proc";
import { CLI } from "../helpers/cli";
import { processes } from "../helpers/processes";

const bases: string[] = [];
after(() => bases.forEach((b) => fs.rmSync(b, { recursive: true, force: true })));

/** A private TMPDIR and probe cache under one folder that names this test run. */
function sandbox(): { base: string; env: NodeJS.ProcessEnv } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "cleanup-test-"));
  bases.push(base);
  fs.mkdirSync(path.join(base, "tmp"));
  return { base, env: { ...process.env, TMPDIR: path.join(base, "tmp"), GOLAB_CACHE: path.join(base, "cache") } };
}

/** This test's processes whose command line or working folder lies under `base`. */
function processesUnder(base: string): string[] {
  return processes().filter((p) => p.command.includes(base) || p.cwd.startsWith(base)).map((p) => `${p.pid}: ${p.command}`);
}

const leftovers = (base: string) => fs.readdirSync(path.join(base, "tmp"));
const settle = () => sleep(300);

// Inserting millions of string keys, many times over, takes far longer than the time limits below.
const SLOW = { op: "mapinsert", key: "string", elem: "int", n: 2_000_000, escape: "heap" } as const;

const figures = { faults: 0, processesLeft: 0, foldersLeft: 0, secondsToClean: 0 };

function account(base: string): void {
  const procs = processesUnder(base);
  const folders = leftovers(base);
  figures.faults++;
  figures.processesLeft += procs.length;
  figures.foldersLeft += folders.length;
  assert.deepEqual(procs, [], "processes left");
  assert.deepEqual(folders, [], "temporary folders left");
}

test("a probe that times out is killed with its process group, and nothing is left", async () => {
  const { base, env } = sandbox();
  const saved = { TMPDIR: process.env.TMPDIR, GOLAB_CACHE: process.env.GOLAB_CACHE };
  Object.assign(process.env, { TMPDIR: env.TMPDIR, GOLAB_CACHE: env.GOLAB_CACHE });
  try {
    await assert.rejects(measure([SLOW], { runs: 50, timeoutMs: 1500 }), (e: unknown) => e instanceof TimeoutError && /did not finish within \d+ s and was killed/.test(e.message));
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  await settle();
  account(base);
  assert.deepEqual(tracked(), { groups: [], folders: [] });
});

/** Starts `golab measure`, waits for a stderr line matching `when`, sends `signal`, returns the exit. */
function signalWhen(args: string[], env: NodeJS.ProcessEnv, when: RegExp, signal: NodeJS.Signals = "SIGINT"): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "measure", ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sent = false;
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`never saw ${when}: ${stderr}`)); }, 120_000);
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
      if (!sent && when.test(stderr)) {
        sent = true;
        // Let the child get going (go build started, or the probe running) before interrupting.
        setTimeout(() => child.kill(signal), 400);
      }
    });
    child.on("close", (code, killedBy) => { clearTimeout(timer); resolve({ code, signal: killedBy, stderr }); });
  });
}

for (const [phase, when] of [["the build", /building one probe/], ["the run", /running it/]] as const) {
  test(`an interrupt during ${phase} kills every child and removes every temporary folder`, async () => {
    const { base, env } = sandbox();
    // A cold Go build cache makes the build take seconds, so the interrupt lands inside it.
    if (phase === "the build") env.GOCACHE = path.join(base, "gocache");
    const r = await signalWhen([JSON.stringify(SLOW), "--runs", "50"], env, when);
    assert.equal(r.code, 130, r.stderr);
    if (phase === "the build") assert.doesNotMatch(r.stderr, /running it/, "the interrupt came after the build");
    assert.match(r.stderr, /interrupted \(SIGINT\): child processes killed and temporary folders removed/);
    await settle();
    account(base);
  });
}

// The issue's own case: with golab gone, nothing enforced --timeout, and the probe still ran 300 s later.
const LONG_RUN = ['{"op":"mapinsert","key":"int","elem":"int","n":3000000}', "--runs", "400", "--no-cache"];

for (const [phase, when] of [["the build", /building one probe/], ["the run", /running it/]] as const) {
  test(`SIGKILL to golab during ${phase}: its watchdog kills every child and removes every temporary folder within 5 s`, async () => {
    const { base, env } = sandbox();
    if (phase === "the build") env.GOCACHE = path.join(base, "gocache");
    const r = await signalWhen(LONG_RUN, env, when, "SIGKILL");
    assert.equal(r.signal, "SIGKILL", r.stderr);
    if (phase === "the build") assert.doesNotMatch(r.stderr, /running it/, "the kill came after the build");
    const started = Date.now();
    // Everything this test started carries its marker: golab's children and golab's watchdog (but
    // not the watchdog of this test process, which measured in-process above).
    const mine = () => processes().filter((p) => p.pid !== watchdogPid());
    const gone = await waitUntil(() => mine().length === 0 && leftovers(base).length === 0, 5000, 100);
    figures.secondsToClean = Math.max(figures.secondsToClean, (Date.now() - started) / 1000);
    assert.ok(gone, `still there after 5 s: ${JSON.stringify({ processes: mine().map((p) => p.command), folders: leftovers(base) })}`);
    account(base);
  });
}

test("figures", () => {
  process.stdout.write(`# clean-up: ${figures.faults} faults injected (timeout, interrupts, SIGKILL), processes left = ${figures.processesLeft}, folders left = ${figures.foldersLeft}; after SIGKILL, clean within ${figures.secondsToClean.toFixed(1)} s\n`);
});
