import { test } from "node:test";
import assert from "node:assert/strict";
import { FRAGMENTATION_DEFAULTS, fragmentationCommands, fragmentationProgram, parseSamples, summarizeFragmentation } from "../../kernel-helpers/experiments";
import { GolabError } from "../../kernel-helpers/errors";

// Shapes only: made-up numbers to test parsing and means, not claims about Go.
const OUT = `S 0.000 /memory/classes/heap/objects:bytes=100 /memory/classes/heap/unused:bytes=10 /memory/classes/heap/free:bytes=50 /gc/cycles/total:gc-cycles=1
S 0.100 /memory/classes/heap/objects:bytes=200 /memory/classes/heap/unused:bytes=40 /memory/classes/heap/free:bytes=50 /gc/cycles/total:gc-cycles=3
END`;

test("samples are read per metric; a metric the version lacks is null", () => {
  const s = parseSamples(OUT, "0.0.0", "maps");
  assert.equal(s.length, 2);
  assert.equal(s[1].values.objects, 200);
  assert.equal(s[1].values.scanHeap, null);
});

test("the summary holds the means of the ratios and the last GC count", () => {
  const [sum] = summarizeFragmentation(parseSamples(OUT, "0.0.0", "maps"));
  assert.equal(sum.unusedPerObjectByte, (0.1 + 0.2) / 2);
  assert.equal(sum.freePerObjectByte, (0.5 + 0.25) / 2);
  assert.equal(sum.scanPerLiveByte, null);
  assert.equal(sum.gcCycles, 3);
});

test("an unfinished or foreign output is refused", () => {
  assert.throws(() => parseSamples(OUT.replace("END", ""), "0.0.0", "maps"), GolabError);
  assert.throws(() => parseSamples(`S 0 /not/a/metric=1\nEND`, "0.0.0", "maps"), GolabError);
});

test("the program chapter 4 shows is the one run: its commands give the arguments it reads, in its order", () => {
  const program = fragmentationProgram();
  assert.match(program, /^package main\n/);
  const read = [...program.matchAll(/os\.Args\[(\d)\]/g)].map((m) => Number(m[1]));
  assert.deepEqual(read, [1, 2, 3, 4], "workload, seconds, sampling period, bytes");
  const [build, ...runs] = fragmentationCommands();
  assert.equal(build, "go build -o prog .");
  const { seconds, sampleMs, workingSetBytes } = FRAGMENTATION_DEFAULTS;
  assert.deepEqual(runs.map((r) => r.split(" ")), ["slices", "maps"].map((w) => ["./prog", w, String(seconds), String(sampleMs), String(workingSetBytes)]));
  assert.ok(program.includes('workload == "slices"'), "the workloads the commands name are the program's");
  assert.deepEqual(fragmentationCommands({ seconds: 5, sampleMs: 50, workingSetBytes: 1 << 20 })[2], "./prog maps 5 50 1048576");
});
