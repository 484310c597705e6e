/** golab-live.js: one classic script with the simulator, the parser and vega-embed, and nothing from Node. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { buildLiveBundle } from "../../../kernel-helpers/course/live";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-live-bundle-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the bundle builds from the sources into one script that loads nothing at run time", { timeout: 120_000 }, async () => {
  const started = Date.now();
  const b = await buildLiveBundle(path.join(dir, "golab-live.js"));
  process.stdout.write(`# golab-live.js: ${b.bytes} bytes (golab's own code ${b.golabBytes}), built in ${Date.now() - started} ms\n`);
  const text = fs.readFileSync(b.file, "utf8");
  assert.equal(b.bytes, Buffer.byteLength(text));
  assert.ok(b.golabBytes > 20_000 && b.golabBytes < b.bytes, "the simulator and parser are in it");
  assert.doesNotMatch(text, /\brequire\(["']node:|\bimport\(/, "no Node built-in, no dynamic import");
  assert.doesNotMatch(text, /^\s*(import|export)\s/m, "a classic script (file:// pages cannot load modules)");
  // Parsed as a classic script: a syntax error or a module construct fails here.
  new vm.Script(text, { filename: "golab-live.js" });
});
