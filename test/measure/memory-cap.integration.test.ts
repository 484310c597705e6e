/**
 * The memory cap holds for the whole probe process, on every installed Go: a batch whose cases
 * together need more than the cap is measured under it (the harness collects between calls, the
 * warm-up included), and a probe that goes over it is stopped and reported in one line. The
 * batches go through measureWith, the trusting half, so that the estimates do not refuse them
 * first: what is tested is the probe's own limit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { GolabError } from "../../kernel-helpers/errors";
import { measureWith } from "../../kernel-helpers/measure";
import { installedToolchains } from "../helpers/go";

const MiB = 1 << 20;

test("five maps that together need more than the cap are measured under it, one at a time", async () => {
  const cap = 256 * MiB;
  const cases = Array.from({ length: 5 }, () => parseCase("make(map[int]int, 3000000)"));
  for (const { tc } of await installedToolchains()) {
    const results = await measureWith(tc, cases, { runs: 2, debug: false, timeoutMs: 120_000, memCap: cap });
    const total = results.reduce((sum, r) => sum + r.allocatedBytes, 0);
    // What the batch allocates is more than the cap: held all at once, it would not fit.
    assert.ok(total > cap, `Go ${tc.version}: the five maps take ${total} bytes, not more than the cap`);
    assert.ok(results.every((r) => r.allocatedBytes < cap / 2), `Go ${tc.version}: each map fits in half the cap`);
  }
});

test("a probe that goes over the cap is stopped, and says so in one line", async () => {
  const cap = 64 * MiB;
  for (const { tc } of await installedToolchains()) {
    await assert.rejects(
      measureWith(tc, [parseCase("make(map[int]int, 11000000)")], { runs: 1, debug: false, timeoutMs: 120_000, memCap: cap }),
      (e: unknown) => e instanceof GolabError && e.message === "the probe went over the memory cap (64 MiB) and was stopped; raise it with --mem-cap if the machine has the memory",
      `Go ${tc.version}`,
    );
  }
});
