/**
 * The string and growth operations under the tracer, on every installed Go version: every
 * allocation the debugger sees, in order, has the size and the runtime site that predict names
 * (runtime.rawstring, rawbyteslice, slicebytetostring, rawruneslice, growslice, makeslice,
 * internal/bytealg.MakeNoZero). The counts are held to measure by string-ops-agreement.test.ts;
 * this holds the explanations to the stacks.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { simulate } from "../../kernel-helpers/sim";
import { traceWith } from "../../kernel-helpers/trace";
import { installedToolchains } from "../helpers/go";

const CASES = [
  "concat(16, 17)", "concatloop(5, 4)", "[]byte(40-byte string)", "string(40-byte []byte) [stack]", "[]rune(33-byte string)",
  "append(make([]int, 3), 7...)", "strings.Builder(3, 10, 29)", "bytes.Buffer(100, 3)",
].map((t) => parseCase(t));

test("trace sees the allocations predict explains, with the same sizes and sites", { timeout: 600_000 }, async () => {
  let traced = 0;
  for (const { tc } of await installedToolchains()) {
    const results = await traceWith(tc, CASES, { mode: "detail", stack: 8, debug: false, timeoutMs: 300_000 });
    results.forEach((r, i) => {
      const predicted = simulate(CASES[i], { go: tc.version }).allocations.map((a) => `${a.size} B at ${a.site}`);
      const seen = r.allocations!.map((a) => `${a.size} B at ${a.site}`);
      assert.deepEqual(seen, predicted, `Go ${tc.version} ${describeCase(CASES[i])}`);
    });
    traced++;
    process.stdout.write(`# Go ${tc.version}: ${results.reduce((n, r) => n + r.allocations!.length, 0)} allocations traced, each as predicted\n`);
  }
  assert.ok(traced > 0, "no Go version installed");
});
