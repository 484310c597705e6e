/**
 * Pinning a debugger and its program to one CPU (kernel-helpers/proc/cpu-pin.ts): the kernel's CPU
 * list format, the command that pins, and that a pinned child really runs on that CPU only.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { allowedCpus, nextPinnedCpu, onCpu, parseCpuList } from "../../kernel-helpers/proc";

test("the kernel's CPU lists parse, and anything else is refused", () => {
  assert.deepEqual(parseCpuList("0"), [0]);
  assert.deepEqual(parseCpuList("0-1"), [0, 1]);
  assert.deepEqual(parseCpuList("0-2,5,7-8"), [0, 1, 2, 5, 7, 8]);
  for (const bad of ["", "a", "1-", "3-1", "0,,1", "-1"]) assert.equal(parseCpuList(bad), null, bad);
});

test("onCpu leaves a command alone without a CPU, and runs it under taskset with one", () => {
  assert.deepEqual(onCpu(null, "/bin/dlv", ["exec", "x"]), { command: "/bin/dlv", args: ["exec", "x"] });
  const cpu = nextPinnedCpu();
  if (cpu === null) return; // one CPU, or no taskset: nothing is pinned
  const pinned = onCpu(cpu, "/bin/dlv", ["exec", "x"]);
  assert.match(pinned.command, /taskset$/);
  assert.deepEqual(pinned.args, ["-c", String(cpu), "/bin/dlv", "exec", "x"]);
});

test("a pinned command and what it starts run on that one CPU, taken in turn from the allowed ones", (t) => {
  const cpus = allowedCpus();
  const first = nextPinnedCpu();
  if (first === null || cpus === null) return t.skip("one CPU, or no taskset: nothing is pinned");
  const second = nextPinnedCpu();
  assert.ok(cpus.includes(first) && second !== null && cpus.includes(second));
  assert.notEqual(first, second, "two sessions in a row take different CPUs");
  // A shell started pinned starts another, which asks taskset for its own CPUs ("pid 12's
  // current affinity list: 1").
  const run = onCpu(first, "sh", ["-c", 'sh -c "taskset -cp \\$\\$"']);
  const out = spawnSync(run.command, run.args, { encoding: "utf8" });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, new RegExp(`affinity list: ${first}\\s*$`));
});
