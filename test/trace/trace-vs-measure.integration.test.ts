/**
 * The tracer's counts against the runtime's own: for every deterministic case of each installed
 * version's recorded validation matrix, trace's allocations with size > 0 equal a fresh
 * measurement's MemStats.Mallocs, from the very same probe binary. Count mode for all of them in
 * one Delve session per version; detail mode as well, whose rounded sizes must also add up to
 * MemStats.TotalAlloc.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Case, describeCase } from "../../kernel-helpers/case";
import { describeDelve, selectDelve } from "../../kernel-helpers/dlv";
import { Toolchain } from "../../kernel-helpers/go";
import { measureWith, MeasureResult } from "../../kernel-helpers/measure";
import { datasetFileName, measurementsDir, readDataset } from "../../kernel-helpers/record";
import { expectsSpecialised, traceWith, TraceResult } from "../../kernel-helpers/trace";
import { installedToolchains } from "../helpers/go";

const TIMEOUT = 600_000;

function compare(measured: MeasureResult[], traced: TraceResult[], what: (r: MeasureResult, t: TraceResult) => [number, number], label: string): string[] {
  const wrong: string[] = [];
  measured.forEach((m, i) => {
    const [a, b] = what(m, traced[i]);
    if (a !== b) wrong.push(`${describeCase(m.case)}: measure ${a}, trace ${b} (${label})`);
  });
  return wrong;
}

/**
 * Count mode, once in many CI runs, read a few more hits on the probe goroutine than the runtime
 * counted (Go 1.19: 7 for 3 on one case of hundreds in one Delve session; never reproduced alone
 * in 45 tries). A case that disagrees is counted again in a session of its own, and said so; it
 * must agree then. Detail mode is never retried.
 */
async function recountDisagreeing(tc: Toolchain, cases: Case[], measured: MeasureResult[], counted: TraceResult[]): Promise<TraceResult[]> {
  const differing = counted.map((t, i) => (t.mallocs !== measured[i].mallocs ? i : -1)).filter((i) => i >= 0);
  if (differing.length === 0) return counted;
  const again = await traceWith(tc, differing.map((i) => cases[i]), { mode: "count", stack: 0, debug: false, timeoutMs: TIMEOUT });
  const first = differing.map((i) => `${describeCase(cases[i])}: ${counted[i].mallocs}, then ${again[differing.indexOf(i)].mallocs}`);
  process.stdout.write(`# Go ${tc.version}: count mode disagreed with measure and was counted again: ${first.join("; ")}\n`);
  const result = [...counted];
  differing.forEach((i, k) => (result[i] = again[k]));
  return result;
}

test("trace equals measure on every deterministic case of the recorded matrix, per installed Go", { timeout: 1_200_000 }, async () => {
  const toolchains = await installedToolchains();
  assert.ok(toolchains.length > 0, "no Go installed at all");
  for (const { tc } of toolchains) {
    const file = path.join(measurementsDir(), datasetFileName(tc.version, false));
    if (!fs.existsSync(file)) {
      process.stdout.write(`# Go ${tc.version}: no recorded dataset ${file}, skipped\n`);
      continue;
    }
    const recorded = readDataset(file).results.filter((r) => r.deterministic).map((r) => r.case);
    // As many calls as the recording made: a case whose count depends on the hash seed only
    // rarely must show it here, or trace's one call could draw the rare value.
    const fresh = await measureWith(tc, recorded, { runs: 51, debug: false, timeoutMs: TIMEOUT });
    // A case the dataset saw as deterministic but this run did not is left out, and said so.
    const keep = fresh.map((r, i) => (r.deterministic ? i : -1)).filter((i) => i >= 0);
    const cases = keep.map((i) => recorded[i]);
    const measured = keep.map((i) => fresh[i]);
    const varied = fresh.filter((r) => !r.deterministic).map((r) => describeCase(r.case));
    if (varied.length > 0) process.stdout.write(`# Go ${tc.version}: ${varied.length} recorded-deterministic cases varied now, left out: ${varied.join("; ")}\n`);
    // Uprobes wherever the lab's dlv can count with them (auto would choose breakpoints for this
    // matrix's few allocations), so both counters are held to measure across the versions.
    const patched = (await describeDelve((await selectDelve(tc.version)).path))?.patched ?? false;
    const expected = patched && expectsSpecialised(tc) === false ? "uprobes" : "breakpoints";
    const counted = await recountDisagreeing(tc, cases, measured, await traceWith(tc, cases, { mode: "count", counter: expected, stack: 0, debug: false, timeoutMs: TIMEOUT }));
    const detailed = await traceWith(tc, cases, { mode: "detail", stack: 2, debug: false, timeoutMs: TIMEOUT });
    const wrong = [
      ...compare(measured, counted, (m, t) => [m.mallocs, t.mallocs], "count mode"),
      ...compare(measured, detailed, (m, t) => [m.mallocs, t.mallocs], "detail mode"),
      ...compare(measured, detailed, (m, t) => [m.allocatedBytes, t.allocatedBytes!], "TotalAlloc vs rounded sizes"),
    ];
    counted.forEach((t, i) => {
      if (t.mallocgcCalls !== detailed[i].mallocgcCalls) wrong.push(`${describeCase(t.case)}: calls with size 0, count ${t.mallocgcCalls}, detail ${detailed[i].mallocgcCalls}`);
    });
    assert.deepEqual(wrong, [], `Go ${tc.version}`);
    for (const t of counted) assert.equal(t.otherGoroutines, 0, `Go ${tc.version}: ${describeCase(t.case)} saw other goroutines allocate`);
    for (const t of counted) assert.equal(t.counter, expected, `Go ${tc.version}: ${describeCase(t.case)} counted with ${t.counter}`);
    const total = counted.reduce((s, t) => s + t.mallocs, 0);
    process.stdout.write(`# Go ${tc.version}: ${cases.length} deterministic cases compared (${total} allocations), trace = measure in count mode (${expected}) and detail mode\n`);
  }
});
