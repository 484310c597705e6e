import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cacheInfo, clearCache, ResultCache } from "../../kernel-helpers/cache";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "golab-cache-test-"));
}

test("a value put is got back with its date, under its key only", () => {
  const dir = tempDir();
  try {
    const cache = new ResultCache({ dir, onWarning: (m) => assert.fail(m) });
    cache.put("measure", { case: "a", go: "1.26.8" }, { mallocs: 3 }, "2026-12-01T00:00:00.000Z");
    assert.deepEqual(cache.get("measure", { case: "a", go: "1.26.8" }), {
      schema: 1, kind: "measure", key: { case: "a", go: "1.26.8" }, at: "2026-12-01T00:00:00.000Z", value: { mallocs: 3 },
    });
    assert.equal(cache.get("measure", { case: "a", go: "1.19.8" }), undefined);
    assert.equal(cache.get("trace", { case: "a", go: "1.26.8" }), undefined);
    assert.deepEqual(fs.readdirSync(path.dirname(cache.fileOf("measure", { case: "a", go: "1.26.8" }))).filter((f) => f.endsWith(".tmp")), [], "no temporary file left");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a corrupt entry is reported once, removed, and treated as missing", () => {
  const dir = tempDir();
  try {
    const warnings: string[] = [];
    const cache = new ResultCache({ dir, onWarning: (m) => warnings.push(m) });
    const file = cache.fileOf("measure", { case: "b" });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "{ half an entry");
    assert.equal(cache.get("measure", { case: "b" }), undefined);
    assert.equal(cache.get("measure", { case: "b" }), undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /corrupt result-cache entry .* measured again/);
    assert.equal(fs.existsSync(file), false);
    // An entry written for another key (a hash collision, or a file copied by hand) is not used.
    fs.writeFileSync(file, JSON.stringify({ schema: 1, kind: "measure", key: { case: "c" }, at: "2026-12-01", value: 1 }));
    assert.equal(cache.get("measure", { case: "b" }), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a cache folder that cannot be written is reported once and the work goes on", () => {
  const dir = tempDir();
  try {
    const blocked = path.join(dir, "file-not-folder");
    fs.writeFileSync(blocked, "");
    const warnings: string[] = [];
    const cache = new ResultCache({ dir: blocked, onWarning: (m) => warnings.push(m) });
    const entry = cache.put("measure", { case: "d" }, 7);
    cache.put("measure", { case: "e" }, 8);
    assert.equal(entry.value, 7);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /cannot write the result cache .* going on without caching/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("info counts entries by kind and Go version; clear removes results and probes", () => {
  const root = tempDir();
  try {
    const cache = new ResultCache({ dir: path.join(root, "results") });
    cache.put("measure", { case: "a", go: "1.26.8" }, 1);
    cache.put("measure", { case: "b", go: "1.19.8" }, 2);
    cache.put("trace", { cases: ["a"], go: "1.26.8" }, 3);
    fs.mkdirSync(path.join(root, "probes", "abc"), { recursive: true });
    fs.writeFileSync(path.join(root, "probes", "abc", "probe"), "binary");
    const info = cacheInfo(root);
    assert.equal(info.results.entries, 3);
    assert.deepEqual(info.results.byKind, { measure: 2, trace: 1 });
    assert.deepEqual(info.results.byGo, { "1.26.8": 2, "1.19.8": 1 });
    assert.equal(info.probes.builds, 1);
    clearCache(root);
    assert.equal(cacheInfo(root).results.entries, 0);
    assert.equal(cacheInfo(root).probes.builds, 0);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
