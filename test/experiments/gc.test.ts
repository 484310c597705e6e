import { test } from "node:test";
import assert from "node:assert/strict";
import { parseGcTrace } from "../../kernel-helpers/experiments";

// The line format of runtime/extern.go (1.19 and 1.26), including one glued to a benchmark's name.
const OUTPUT = `goos: linux
BenchmarkCase0-2   \tgc 3 @0.002s 9%: 0.005+0.2+0.001 ms clock, 0.01+0/0.05/0+0.002 ms cpu, 3->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P
gc 4 @0.004s 8%: 0.030+0.097+0 ms clock, 0.061+0/0.031/0.040+0 ms cpu, 0->0->0 MB, 4 MB goal, 2 P (forced)
  398266\t      1603 ns/op`;

test("trace lines are read wherever they stand, with the phases and heap figures", () => {
  const lines = parseGcTrace(OUTPUT);
  assert.deepEqual(lines.map((l) => l.gc), [3, 4]);
  assert.deepEqual(lines[0].clockMs, [0.005, 0.2, 0.001]);
  assert.deepEqual(lines[0].heapMB, [3, 4, 1]);
  assert.equal(lines[0].goalMB, 4);
  assert.match(lines[1].raw, /\(forced\)$/);
});
