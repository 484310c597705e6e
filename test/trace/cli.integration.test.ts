/** `golab trace` as a user runs it: detail and count output, JSON, and one-line errors. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { golab } from "../helpers/cli";
import { installedToolchains } from "../helpers/go";

test("golab trace prints every allocation with its site, and --json the result objects", { timeout: 300_000 }, async () => {
  const [{ spec, tc }] = await installedToolchains();
  const text = golab(["trace", "make(map[int]int, 1000)", "--go", spec, "--stack", "3", "--quiet"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, new RegExp(`^(traced now|cached, traced \\d{4}-\\d{2}-\\d{2}): Go ${tc.version.replace(/\./g, "\\.")}`));
  assert.match(text.stdout, /site \(runtime caller\)/);
  assert.match(text.stdout, /stacks:/);
  const json = golab(["trace", "make(map[int]int, 1000)", "_ = make([]int, 1000)", "--go", spec, "--json", "--quiet"]);
  assert.equal(json.status, 0, json.stderr);
  const results = JSON.parse(json.stdout);
  assert.equal(results.length, 2);
  assert.equal(results[0].backend, "trace");
  assert.equal(results[0].go, tc.version);
  assert.equal(results[0].mallocs, results[0].allocations.filter((a: { size: number }) => a.size > 0).length);
  assert.ok(results[0].allocations.every((a: { site: string }) => a.site.length > 0));
  assert.equal(results[1].case.escape, "discard");
  const count = golab(["trace", "make(map[int]int, 1000)", "--go", spec, "--count", "--quiet"]);
  assert.equal(count.status, 0, count.stderr);
  assert.match(count.stdout, /count mode/);
  assert.match(count.stdout, /mallocs\s+calls \(size 0 too\)\s+by entry/);
});

test("golab trace refuses bad input with one line and status 2", () => {
  for (const args of [["trace"], ["trace", "make(map[int]int)", "--stack", "x"], ["trace", "--experiment", "2.5"], ["trace", "make(func(), 3)"]]) {
    const r = golab(args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^golab: /);
  }
});
