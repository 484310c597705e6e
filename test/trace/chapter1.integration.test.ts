/**
 * The article's chapter-1 program, `_ = make(...)` with the result discarded, and its escaping
 * variant, traced on each installed Go, built optimized and with -gcflags=all=-N -l as the article
 * builds it: every allocation is shown with its site (the runtime function that asked), its type
 * and its stack, and the count equals a fresh measurement of the same program.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { measureWith } from "../../kernel-helpers/measure";
import { traceWith } from "../../kernel-helpers/trace";
import { installedToolchains } from "../helpers/go";

const CASES = [
  "_ = make(map[int]int, 1000)",
  "make(map[int]int, 1000)",
  "_ = make([]int, 1000)",
  "make([]int, 1000)",
  "_ = make([]int, 0, 1000)",
  "_ = make(map[int]int, 0)",
  // A size-0 mallocgc call on 1.19 (counted in mallocgcCalls, not in mallocs).
  "make([]int, 0)",
].map((t) => parseCase(t));

test("chapter 1: the article's program and its escaping variant, every allocation with its site", { timeout: 900_000 }, async () => {
  const toolchains = await installedToolchains();
  assert.ok(toolchains.length > 0, "no Go installed at all");
  for (const { tc } of toolchains) {
    for (const debug of [false, true]) {
      const label = `Go ${tc.version} ${debug ? "-N -l" : "optimized"}`;
      const measured = await measureWith(tc, CASES, { runs: 3, debug, timeoutMs: 300_000 });
      const traced = await traceWith(tc, CASES, { mode: "detail", stack: 8, debug, timeoutMs: 300_000 });
      const counted = await traceWith(tc, CASES, { mode: "count", stack: 0, debug, timeoutMs: 300_000 });
      const lines: string[] = [];
      traced.forEach((r, i) => {
        const what = `${label}: ${describeCase(r.case)}`;
        assert.equal(r.build.debug, debug, what);
        assert.equal(r.mallocs, measured[i].mallocs, `${what}: trace against measure`);
        assert.equal(counted[i].mallocs, r.mallocs, `${what}: count mode against detail mode`);
        assert.equal(counted[i].mallocgcCalls, r.mallocgcCalls, `${what}: calls with size 0, count against detail`);
        assert.equal(r.allocations!.length, r.mallocgcCalls, what);
        for (const a of r.allocations!) {
          assert.ok(a.site !== "" && a.site !== "?" && !a.site.startsWith("runtime.mallocgc"), `${what}: site ${a.site}`);
          assert.ok(a.stack.length >= 2, `${what}: stack`);
          assert.ok(a.stack.some((f) => f.startsWith(`${a.site} (`)), `${what}: the site ${a.site} is on the stack`);
          assert.ok(a.stack.some((f) => /^main\.probe\d+ /.test(f)) || a.stack.length === 8, `${what}: the stack reaches the program`);
          assert.ok(a.type === null || a.type.length > 0, what);
        }
        lines.push(`${describeCase(r.case)}: ${r.mallocs}${r.allocations!.length ? ` (${r.allocations!.map((a) => `${a.site} ${a.size} B ${a.type ?? "nil"}`).join("; ")})` : ""}`);
      });
      process.stdout.write(`# ${label}\n${lines.map((l) => `#   ${l}\n`).join("")}`);
    }
  }
});
