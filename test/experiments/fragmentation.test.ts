import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSamples, summarizeFragmentation } from "../../kernel-helpers/experiments";
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
