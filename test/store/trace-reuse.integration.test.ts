/**
 * A trace of cases that measure just ran with -N -l reuses measure's probe: no build of its own,
 * only the traced cases run, and what Delve sees equals what a trace with its own build sees.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseCase } from "../../kernel-helpers/case";
import { ResultCache } from "../../kernel-helpers/cache";
import { observe } from "../../kernel-helpers/store";
import { trace } from "../../kernel-helpers/trace";

test("a trace of cases measure built with -N -l runs in measure's probe, with the same allocations", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-trace-reuse-"));
  // A probe cache of its own: a probe found there was built in this test.
  const before = process.env.GOLAB_CACHE;
  process.env.GOLAB_CACHE = dir;
  try {
    // Sizes no other test uses, so the probe is built here, by measure.
    const cases = ["_ = make(map[int]int, 1031)", "make([]int, 1031)", "_ = make([]byte, 1031)", "make(map[string]int, 31)"].map((t) => parseCase(t));
    const store = await observe(cases.map((c) => ({ case: c, debug: true })), {
      versions: ["1.26"], runs: 3, cache: new ResultCache({ dir, onWarning: (m) => assert.fail(m) }),
    });
    const wanted = [cases[2], cases[0]];
    const [reused, other] = await Promise.all([store.trace(wanted, { debug: true, stack: 2 }), trace(wanted, { go: "1.26", debug: true, stack: 2 })]);
    assert.deepEqual(reused.map((o) => o.error), [undefined, undefined]);
    // Measure's probe, found in the probe cache; the other trace built one of its own.
    assert.ok(reused.every((o) => o.result!.build.cached), "the reused probe came from the probe cache");
    assert.ok(other.every((t) => !t.build.cached), "a trace of its own builds");
    const seen = (r: { mallocs: number; allocations?: { size: number; type: string | null }[] }) => ({ mallocs: r.mallocs, allocations: r.allocations?.map((a) => `${a.size} ${a.type}`) });
    assert.deepEqual(reused.map((o) => seen(o.result!)), other.map(seen), "reused probe and own build see the same allocations");
    // And the runtime agrees: the traced counts are measure's.
    assert.deepEqual(reused.map((o) => o.result!.mallocs), wanted.map((c) => store.get(c, "1.26", true)!.result.mallocs));
    assert.ok(reused.some((o) => o.result!.mallocs > 0), "something was allocated");
  } finally {
    if (before === undefined) delete process.env.GOLAB_CACHE;
    else process.env.GOLAB_CACHE = before;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
