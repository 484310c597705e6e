#!/usr/bin/env node
// Runs the compiled tests (dist/test/**/*.test.js) with node's own test runner.
// Usage: node scripts/run-tests.js [unit|integration|all] [filter]
// "integration" tests build and run real Go (and later dlv and Jupyter); "unit" tests need none.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const kind = process.argv[2] || "all";
const filter = process.argv[3] || "";
if (!["unit", "integration", "all"].includes(kind)) {
  process.stderr.write(`run-tests: unknown kind ${JSON.stringify(kind)} (use unit, integration or all)\n`);
  process.exit(2);
}

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".test.js") ? [path.join(dir, e.name)] : []);
}

const files = walk(path.join(root, "dist", "test"))
  .filter((f) => kind === "all" || (kind === "integration") === f.endsWith(".integration.test.js"))
  .filter((f) => f.includes(filter))
  .sort();
if (files.length === 0) {
  process.stderr.write(`run-tests: no ${kind} test files found under dist/test (did the build run?)\n`);
  process.exit(1);
}
// Each run starts with an empty result cache of its own, so the tests measure for real (built
// probes stay shared: they are keyed by their source and toolchain). A test may set its own.
const results = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "golab-test-results-"));
const env = { ...process.env, GOLAB_RESULTS_CACHE: results };
// One file at a time: the machine has 2 cores and integration tests run Go builds themselves.
// --test-force-exit: a file whose tests are done ends even if a handle is left open (a kernel
// connection a failed test never shut hung a whole CI run); processes left behind are the tests'
// own to find.
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", "--test-force-exit", ...files], { stdio: "inherit", cwd: root, env });
fs.rmSync(results, { recursive: true, force: true });
process.exit(result.status === null ? 1 : result.status);
