import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeDecisionsByCase } from "../../kernel-helpers/probe";

// Lines in the form Go 1.19 and 1.26 print with -gcflags=-m.
const REPORT = `# golabprobe
./main.go:3:6: can inline key0
./main.go:10:14: make(map[int]int, 1000) escapes to heap
./main.go:20:7: make([]int, 10) does not escape
./main.go:21:2: moved to heap: x
./main.go:40:9: make([]byte, 1) escapes to heap
`;

test("-m lines are assigned to the case whose lines contain them", () => {
  const byCase = escapeDecisionsByCase(REPORT, [{ start: 8, end: 12 }, { start: 18, end: 25 }]);
  assert.deepEqual(byCase[0].map((d) => [d.expr, d.decision]), [["make(map[int]int, 1000)", "heap"]]);
  assert.deepEqual(byCase[1].map((d) => [d.expr, d.decision, d.line, d.column]), [
    ["make([]int, 10)", "stack", 20, 7],
    ["x", "heap", 21, 2],
  ]);
});

test("lines outside every case and lines that are not decisions are ignored", () => {
  const byCase = escapeDecisionsByCase(REPORT, [{ start: 1, end: 5 }]);
  assert.deepEqual(byCase, [[]]);
});
