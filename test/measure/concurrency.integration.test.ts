/**
 * Two measurements at once (two notebook cells, or the CLI twice) do not interfere: each gets the
 * same counts it gets alone, even when both build the same uncached probe at the same moment.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { measure } from "../../kernel-helpers/measure";
import { CLI } from "../helpers/cli";

const run = promisify(execFile);
const cache = fs.mkdtempSync(path.join(os.tmpdir(), "concurrency-test-"));
after(() => fs.rmSync(cache, { recursive: true, force: true }));

const CASES = ["make(map[int]int, 1000)", "make([]byte, 33)", '{"op":"append","elem":"int","n":1000,"start":"nil"}'];

const counts = (rs: { mallocs: number; allocatedBytes: number }[]) => rs.map((r) => [r.mallocs, r.allocatedBytes]);

test("two CLI runs at once, on the same uncached probe, both succeed with the counts of a lone run", async () => {
  const env = { ...process.env, GOLAB_CACHE: cache };
  const args = [CLI, "measure", ...CASES, "--json", "--runs", "5", "--quiet"];
  const [a, b] = await Promise.all([run(process.execPath, args, { env }), run(process.execPath, args, { env })]);
  const alone = await run(process.execPath, args, { env });
  const parse = (out: { stdout: string }) => counts(JSON.parse(out.stdout));
  assert.deepEqual(parse(a), parse(alone));
  assert.deepEqual(parse(b), parse(alone));
});

test("two measure calls in one process at once (two cells) do not mix their results", async () => {
  const [x, y] = await Promise.all([measure([CASES[0]], { runs: 3 }), measure([CASES[1], CASES[2]], { runs: 3 })]);
  const [x1, y1] = [await measure([CASES[0]], { runs: 3 }), await measure([CASES[1], CASES[2]], { runs: 3 })];
  assert.deepEqual(counts(x), counts(x1));
  assert.deepEqual(counts(y), counts(y1));
  assert.deepEqual(y.map((r) => r.case.op), ["makeslice", "append"]);
});
