/**
 * Code cases against an independent count: twenty snippets, measured (one probe build) and traced
 * (one Delve session) per Go version, each count equal to testing.AllocsPerRun of the same
 * snippet in a program of the test's own; every traced allocation names a line of its snippet;
 * a few counts derived from first principles (the allocator's rules in kernel-helpers/alloc).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { classify, TinyBlock, toolchainRules } from "../../kernel-helpers/alloc";
import { parseCase } from "../../kernel-helpers/case";
import { findToolchain, Toolchain } from "../../kernel-helpers/go";
import { measureWith } from "../../kernel-helpers/measure";
import { traceWith } from "../../kernel-helpers/trace";
import { layoutOf, parseGoType } from "../../kernel-helpers/types";
import { allocsPerRun } from "./allocs-per-run";
import { SNIPPETS } from "./snippets";

const CASES = SNIPPETS.map((s) => parseCase({ op: "code", source: s.source, name: s.name }));
const indexOf = (name: string) => SNIPPETS.findIndex((s) => s.name === name);
/** The 1-based line of a snippet holding `text`. */
const lineOf = (name: string, text: string) => SNIPPETS[indexOf(name)].source.split("\n").findIndex((l) => l.includes(text)) + 1;

async function toolchain(spec: string): Promise<Toolchain | null> {
  try {
    return await findToolchain(spec);
  } catch (e) {
    process.stdout.write(`# Go ${spec} not installed here, skipped: ${(e as Error).message}\n`);
    return null;
  }
}

for (const spec of ["1.19", "1.26", "1.27"]) {
  test(`Go ${spec}: measure --code and trace --code count what testing.AllocsPerRun counts, line by line`, async (t) => {
    const tc = await toolchain(spec);
    if (!tc) return t.skip(`Go ${spec} not installed`);
    const [expected, measured, traced] = [
      await allocsPerRun(tc, SNIPPETS),
      await measureWith(tc, CASES, { runs: 5, debug: false, timeoutMs: 120_000 }),
      await traceWith(tc, CASES, { mode: "detail", stack: 12, debug: false, timeoutMs: 300_000 }),
    ];
    process.stdout.write(`Go ${tc.version} AllocsPerRun: ${SNIPPETS.map((s, i) => `${s.name} ${expected[i]}`).join(", ")}\n`);
    SNIPPETS.forEach((s, i) => {
      const what = `${s.name} on Go ${tc.version}`;
      assert.ok(measured[i].deterministic, `${what}: measure gave the same counts on every call`);
      assert.equal(measured[i].mallocs, expected[i], `${what}: measure against AllocsPerRun`);
      assert.equal(traced[i].mallocs, expected[i], `${what}: trace against AllocsPerRun`);
      // fmt's printers come from a sync.Pool: a collection between the warm-up and the traced call
      // would empty it, and the first Get after it would pin it again (sync.(*Pool).pinSlow).
      const repinned = traced[i].allocations!.some((a) => a.stack.some((f) => f.startsWith("sync.(*Pool).pinSlow")));
      assert.equal(repinned, false, `${what}: no pool pinned again in the traced call`);
      const lines = s.source.split("\n");
      for (const a of traced[i].allocations!.filter((x) => x.size > 0)) {
        assert.ok(a.line !== undefined && a.line >= 1 && a.line <= lines.length && lines[a.line - 1].trim() !== "", `${what}: allocation at ${a.line} names a line of the snippet`);
        assert.doesNotMatch(`${a.stack.join(" ")} ${a.site} ${a.type}`, /code\d+\.go|golabprobe/, `${what}: the stack and names are in the user's terms`);
      }
      assert.equal(traced[i].lines!.reduce((n, l) => n + l.mallocs, 0), traced[i].mallocs, `${what}: the lines add up`);
    });
    // Some snippets allocate no more than the AllocsPerRun check can hide: at least one does.
    assert.ok(expected.some((n) => n === 0) && expected.some((n) => n > 1), "the snippets range from none to many");

    // First principles: the allocator's rules of this toolchain say what each of these must be.
    const rules = toolchainRules(tc.goroot, tc.version);
    const expect = (name: string, text: string, size: number, noscan: boolean) => {
      const i = indexOf(name);
      const rule = classify(size, noscan, rules, new TinyBlock());
      const allocations = traced[i].allocations!.filter((a) => a.size > 0);
      assert.equal(allocations.length, 1, `${name}: one allocation`);
      assert.deepEqual([allocations[0].size, allocations[0].rounded, allocations[0].sizeClass, allocations[0].path], [size, rule.rounded, rule.sizeClass, rule.path], `${name}: size, class, path`);
      assert.equal(measured[i].allocatedBytes, rule.rounded, `${name}: MemStats.TotalAlloc is the class size`);
      assert.equal(allocations[0].line, lineOf(name, text), `${name}: the line`);
      assert.deepEqual(traced[i].lines, [{ line: lineOf(name, text), mallocs: 1, bytes: size, allocatedBytes: rule.rounded }]);
      return rule;
    };
    assert.equal(expect("make33.go", "make([]byte, 33)", 33, true).rounded, rules.sizeClasses.classToSize.find((c) => c >= 33), "make([]byte, 33): the smallest class that holds 33 B");
    expect("make-large.go", "make([]byte, 40000)", 40000, true);
    expect("new-struct.go", "new(T)", layoutOf(parseGoType("struct{a int64; b int64; p *int}"))!.size, false);
    // A helper's allocations are at the helper's line (the first frame in the user's file), not the caller's.
    const helper = traced[indexOf("helper-new.go")];
    assert.equal(helper.lines!.find((l) => l.line === lineOf("helper-new.go", "p := new(int)"))?.mallocs, 4);
  });
}
