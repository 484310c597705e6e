/**
 * A cache golab cannot write (read-only, a file in the way, or under /proc where mkdir used to
 * spin) is one warning, and the measurement goes on: the probe is built in a temporary folder,
 * removed afterwards, and nothing is kept.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { golabInPrivateTmp } from "../helpers/cli";
import { mountTmpfs, scratchFolder } from "../helpers/mounts";

const scratch = scratchFolder("golab-test-rocache-");
const file = path.join(scratch, "a-file");
fs.writeFileSync(file, "");
const readOnly = mountTmpfs(64, { readOnly: true });

const CACHES: [string, string][] = [
  ["a file", file],
  ["under /proc", "/proc/nope"],
  ...(readOnly ? [["a read-only file system", readOnly] as [string, string]] : []),
];

for (const [what, cache] of CACHES) {
  test(`GOLAB_CACHE ${what}: one warning, and the case is measured`, () => {
    // Results go under GOLAB_CACHE too, as for a user: the two caches must not warn twice.
    const env = { ...process.env, GOLAB_CACHE: cache, GOLAB_RESULTS_CACHE: "" };
    const started = Date.now();
    const r = golabInPrivateTmp(["measure", "make([]int, 7)", "--runs", "3", "--json", "--quiet"], env);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].mallocs, 1);
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], new RegExp(`^golab: cannot write golab's cache in ${cache.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} \\(E[A-Z]+\\); going on without it`));
    assert.deepEqual(r.leftBehind, []);
    assert.ok(Date.now() - started < 60_000);
  });
}
