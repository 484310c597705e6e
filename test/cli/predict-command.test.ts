/** `golab predict` as a user runs it (lives here, beside the simulator it fronts). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../../kernel-helpers/sim";
import { formatBytes } from "../../kernel-helpers/table/units";
import { golab } from "../helpers/cli";

test("golab predict prints a labelled table and every allocation's reason", () => {
  const r = golab(["predict", "make(map[int]int, 1000)", "_ = make([]int, 1000)", "--go", "1.19"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^simulated \(model of Go 1\.19\.8 amd64/);
  const sim = simulate("make(map[int]int, 1000)", { go: "1.19" });
  const cells = [`${sim.mallocs}`, formatBytes(sim.bytes), formatBytes(sim.allocatedBytes)];
  assert.match(formatBytes(sim.bytes), /KiB$/);
  assert.match(r.stdout, new RegExp(`make\\(map\\[int\\]int, 1000\\)\\s+${cells.map((c) => c.replace(/\./g, "\\.")).join("\\s+")}\\s`), "sizes in KiB");
  assert.match(r.stdout, /runtime\.makeBucketArray/);
  assert.match(r.stdout, /on the stack/);
  assert.equal(r.stderr, "");
});

test("--json prints SimResults; hash-dependent cases carry a distribution", () => {
  const r = golab(["predict", '{"op":"mapinsert","key":"int","elem":"int","n":100}', "--go", "1.19", "--json", "--seeds", "50"]);
  assert.equal(r.status, 0, r.stderr);
  const [res] = JSON.parse(r.stdout);
  assert.equal(res.backend, "simulate");
  assert.equal(res.distribution.runs, 50);
  assert.ok(res.allocations.some((a: { random?: boolean }) => a.random));
});

test("an unmodelled version is one line naming the modelled ones, exit 2", () => {
  const r = golab(["predict", "make([]int, 1)", "--go", "1.22"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /1\.19\.8, 1\.26\.8, 1\.27\.3/);
});
