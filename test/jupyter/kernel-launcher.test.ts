/**
 * scripts/tslab-kernel.js, what the kernelspecs start: tslab with V8's code cache in golab's
 * cache folder. A cache it can make is filled; one it cannot (under /proc, where Node's recursive
 * mkdir spins forever) leaves the kernel as it is, and the process still ends.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO } from "./helpers";

const LAUNCHER = path.join(REPO, "scripts", "tslab-kernel.js");

function version(cache: string) {
  return spawnSync(process.execPath, [LAUNCHER, "--version"], { env: { ...process.env, GOLAB_CACHE: cache }, encoding: "utf8", timeout: 30_000 });
}

test("the launcher starts tslab and fills the code cache, making the folders it lacks", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-launcher-"));
  try {
    const cache = path.join(dir, "not", "yet");
    const r = version(cache);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^tslab \d+\.\d+\.\d+/);
    assert.ok(fs.readdirSync(path.join(cache, "v8-tslab")).length > 0, "code cache written");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a code cache that cannot be made (under /proc) leaves tslab as it is, and the process ends", () => {
  const r = version("/proc/golab-no-such-folder");
  assert.equal(r.error, undefined, "it ended within 30 s");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^tslab \d+\.\d+\.\d+/);
});
