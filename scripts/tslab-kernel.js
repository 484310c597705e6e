#!/usr/bin/env node
/**
 * The tslab kernel as golab registers it (scripts/setup.sh, postBuild): tslab's own command
 * (node_modules/tslab/bin/tslab), with V8's code cache for TypeScript and tslab.
 *
 * Why: every kernel start compiles TypeScript's 9 MB compiler before it can check a cell, about
 * 0.15 s of a 1.1 s start on this machine; V8 can reuse that work from a cache (Node 22 has
 * module.enableCompileCache; Node 20 has only vm.Script's cachedData). Only these files are
 * cached: a hook on every module breaks require() of ES modules such as arquero, which is why
 * v8-compile-cache is not used. Any failure falls back to Node's own compile: the kernel starts
 * either way. The cache lives in golab's cache folder (cache/root.ts: $GOLAB_CACHE, else
 * $XDG_CACHE_HOME/golab, else ~/.cache/golab), in v8-tslab/, one file per module and version; the
 * folder and the mkdir come from golab's build (dist/), and without one there is no code cache.
 */
"use strict";
const Module = require("node:module");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const CACHED = /[\\/]node_modules[\\/](@tslab[\\/]typescript-for-tslab[\\/]lib|tslab[\\/]dist)[\\/][^\\/]+\.js$/;
const DIST = path.join(__dirname, "..", "dist", "kernel-helpers");
const dir = cacheFolder();
const toWrite = [];
const compile = Module.prototype._compile;

function cacheFolder() {
  try {
    return path.join(require(path.join(DIST, "cache", "root.js")).cacheRoot(), "v8-tslab");
  } catch {
    return undefined; // golab is not built: tslab as it is
  }
}

Module.prototype._compile = function (content, filename) {
  if (dir === undefined || !CACHED.test(filename)) return compile.call(this, content, filename);
  let script;
  let file;
  try {
    const stat = fs.statSync(filename);
    file = path.join(dir, crypto.createHash("sha256").update(`${process.version} ${filename} ${stat.size} ${stat.mtimeMs}`).digest("hex").slice(0, 32));
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // Not cached yet.
    }
    script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) toWrite.push([file, script]);
  } catch {
    return compile.call(this, content, filename);
  }
  const require = Module.createRequire(filename);
  return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, path.dirname(filename));
};

// Written when the kernel exits, so the cache holds the functions its cells compiled too.
process.on("exit", () => {
  if (toWrite.length === 0) return;
  try {
    // golab's mkdir -p: Node's recursive mkdir spins forever under /proc (output/dirs.ts), and
    // an exit handler that spins keeps the kernel alive at full CPU.
    require(path.join(DIST, "output", "dirs.js")).makeDirs(dir);
  } catch {
    return; // A cache that cannot be made: no code cache, the same kernel.
  }
  for (const [file, script] of toWrite) {
    try {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, file);
    } catch {
      // A read-only cache: no code cache, the same kernel.
    }
  }
});

require("tslab/dist/main.js").main();
