/**
 * The result cache behind measuring: a repeat reads what was measured, a new size measures only
 * itself, and cached results equal fresh ones (cache off against cache on).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Experiment, parseCase } from "../../kernel-helpers/case";
import { ResultCache } from "../../kernel-helpers/cache";
import { findToolchain } from "../../kernel-helpers/go";
import { measureThroughCache } from "../../kernel-helpers/store";

const experiments = (texts: string[]): Experiment[] => texts.map((t) => ({ case: parseCase(t), debug: false }));

test("cached results equal fresh ones, and only what is missing is measured", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-cache-it-"));
  try {
    const tc = await findToolchain(undefined);
    const cache = new ResultCache({ dir, onWarning: (m) => assert.fail(m) });
    const options = { runs: 5, timeoutMs: 120_000 };
    const first = experiments(["make([]int, 1000)", "make(map[int]int, 9)", "make([]byte, 33)"]);
    const filled = await measureThroughCache(tc, first, { ...options, cache });
    assert.deepEqual(filled.map((o) => o.source.kind), ["live", "live", "live"]);

    const progress: string[] = [];
    const again = await measureThroughCache(tc, [...first, ...experiments(["make([]byte, 34)"])], { ...options, cache, onProgress: (m) => progress.push(m) });
    assert.deepEqual(again.map((o) => o.source.kind), ["cached", "cached", "cached", "live"]);
    assert.ok(progress.some((m) => /building one probe for 1 case\b/.test(m)), `one case built and run: ${progress.join(" | ")}`);

    const fresh = await measureThroughCache(tc, first, options);
    const comparable = (o: (typeof fresh)[number]) => ({ ...o.result, build: { ...o.result.build, cached: null } });
    assert.deepEqual(again.slice(0, 3).map(comparable), fresh.map(comparable), "cached equals fresh");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
