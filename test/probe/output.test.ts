import { test } from "node:test";
import assert from "node:assert/strict";
import { parseProbeOutput } from "../../kernel-helpers/probe";
import { GolabError } from "../../kernel-helpers/errors";

const BOUNDS = "B -Inf 1 9 17 +Inf";

test("samples are read per case and run, with size buckets as byte ranges", () => {
  const out = `${BOUNDS}\nM 0 0 1 48 1 1 0 48 3:1\nM 0 1 0 0 0 0 0 0\nEND\n`;
  const s = parseProbeOutput(out, 2, 1);
  assert.equal(s[0][0].values.mallocs, 1);
  assert.equal(s[0][0].values.totalAlloc, 48);
  assert.deepEqual(s[0][0].bySize, [{ min: 17, max: null, count: 1 }]);
  assert.deepEqual(s[1][0].bySize, []);
});

test("a negative heap-object delta survives", () => {
  const s = parseProbeOutput(`${BOUNDS}\nM 0 0 0 0 -2 0 0 0\nEND\n`, 1, 1);
  assert.equal(s[0][0].values.heapObjects, -2);
});

for (const [name, out] of [
  ["a missing END", `${BOUNDS}\nM 0 0 1 48 1 1 0 48\n`],
  ["a missing sample", `${BOUNDS}\nEND\n`],
  ["a stray line", `${BOUNDS}\nhello\nM 0 0 1 48 1 1 0 48\nEND\n`],
  ["a case index out of range", `${BOUNDS}\nM 0 7 1 48 1 1 0 48\nEND\n`],
  ["a bucket out of range", `${BOUNDS}\nM 0 0 1 48 1 1 0 48 9:1\nEND\n`],
  ["a non-number", `${BOUNDS}\nM 0 0 x 48 1 1 0 48\nEND\n`],
] as const) {
  test(`probe output with ${name} is refused`, () => {
    assert.throws(() => parseProbeOutput(out, 1, 1), GolabError);
  });
}
