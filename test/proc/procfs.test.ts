/**
 * kernel-helpers/proc's /proc reader, timers and polite stop, on real (tiny) processes: `sleep`
 * and `sh`, no Go. Also the tests' scoped scan (test/helpers/processes.ts), which must see what the
 * test started and nothing else.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { TimeoutError } from "../../kernel-helpers/errors";
import {
  commandLine, cwdOf, descendantsOf, environmentVariable, isAlive, listProcesses, pidExists, processGroup, processInfo,
  residentKiB, spawnTracked, stopGroup, TrackedChild, waitAtMost, waitUntil, withTimeout,
} from "../../kernel-helpers/proc";
import { MARKER_VARIABLE, TEST_MARKER, processes } from "../helpers/processes";

const linux = process.platform === "linux";

async function stopped(child: TrackedChild): Promise<void> {
  child.kill();
  await child.exited;
}

test("this process, as procfs shows it", { skip: !linux && "Linux only" }, () => {
  const me = processInfo(process.pid);
  assert.equal(me?.ppid, process.ppid);
  assert.equal(me?.state, "R");
  assert.ok(listProcesses().some((p) => p.pid === process.pid));
  assert.equal(processGroup(process.pid), me?.pgid);
  assert.match(commandLine(process.pid), /node/);
  assert.equal(cwdOf(process.pid), process.cwd());
  assert.ok((residentKiB(process.pid) ?? 0) > 1000, "node holds more than 1 MiB");
  assert.equal(isAlive(process.pid), true);
});

test("descendants, groups and the test's marker", { skip: !linux && "Linux only" }, async () => {
  // A shell with a child of its own, in a group of its own, carrying this test's marker.
  const marked = await spawnTracked("sh", ["-c", "sleep 30 & wait"]);
  const unmarkedEnv = { ...process.env };
  delete unmarkedEnv[MARKER_VARIABLE];
  const unmarked = await spawnTracked("sleep", ["31"], { env: unmarkedEnv });
  try {
    assert.ok(await waitUntil(() => descendantsOf(marked.pid).length === 1, 5000), "the shell started its sleep");
    const [grandchild] = descendantsOf(marked.pid);
    assert.equal(grandchild.pgid, marked.pid);
    assert.equal(environmentVariable(marked.pid, MARKER_VARIABLE), TEST_MARKER);
    const mine = processes().map((p) => p.pid);
    assert.ok(mine.includes(marked.pid) && mine.includes(grandchild.pid), "the marked shell and its child are counted");
    assert.ok(!mine.includes(unmarked.pid), "a process without the marker is not");
    assert.ok(!mine.includes(process.pid), "nor the test itself");
    assert.deepEqual(processes({ under: marked.pid }).map((p) => p.pid), [grandchild.pid]);
    assert.deepEqual(processes({ group: marked.pid }).map((p) => p.pid).sort(), [marked.pid, grandchild.pid].sort());
    assert.deepEqual(processes({ group: unmarked.pid }).map((p) => [p.pid, p.command]), [[unmarked.pid, "sleep 31"]]);
  } finally {
    await stopped(marked);
    await stopped(unmarked);
  }
  assert.equal(pidExists(marked.pid), false);
  assert.equal(isAlive(unmarked.pid), false);
});

test("stopGroup: SIGTERM first; SIGKILL for a group that ignores it", { skip: !linux && "Linux only" }, async () => {
  const polite = await spawnTracked("sleep", ["30"]);
  let started = Date.now();
  await stopGroup(polite.pid, { graceMs: 10_000 });
  assert.equal((await polite.exited).signal, "SIGTERM");
  assert.ok(Date.now() - started < 5000, "no waiting out the grace period");

  const stubborn = await spawnTracked("sh", ["-c", "trap '' TERM; sleep 30 & wait"]);
  assert.ok(await waitUntil(() => descendantsOf(stubborn.pid).length === 1, 5000));
  const [child] = descendantsOf(stubborn.pid);
  started = Date.now();
  await stopGroup(stubborn.pid, { graceMs: 300 });
  assert.ok(Date.now() - started >= 300, "the grace period was given");
  assert.equal((await stubborn.exited).signal, "SIGKILL");
  assert.ok(await waitUntil(() => !isAlive(child.pid), 5000), "the whole group was killed");
});

test("timers: withTimeout rejects with a TimeoutError; waitAtMost gives the fallback", async () => {
  const never = new Promise<number>(() => undefined);
  await assert.rejects(withTimeout(never, 20, { message: "too slow", command: "never" }), (e: unknown) =>
    e instanceof TimeoutError && e.message === "too slow" && e.command === "never" && e.timeoutMs === 20);
  assert.equal(await withTimeout(Promise.resolve(7), 1000, { message: "", command: "" }), 7);
  assert.equal(await waitAtMost(never, 20, "late"), "late");
  assert.equal(await waitAtMost(never, 20), undefined);
  assert.equal(await waitAtMost(Promise.resolve(1), 1000, 0), 1);
  assert.equal(await waitUntil(() => false, 30, 5), false);
});
