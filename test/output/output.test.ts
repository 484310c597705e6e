/**
 * Output that cannot be written is one OutputError, never a half-written file, and never a loop:
 * a full disk (a tiny tmpfs, or an injected ENOSPC where this test may not mount one), a
 * read-only folder, a path through a file, and /proc, where Node's recursive mkdir spins forever.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputError } from "../../kernel-helpers/errors";
import { writeNotebook } from "../../kernel-helpers/jupyter";
import { checkOutputDir, makeDirs, writeFileAtomically } from "../../kernel-helpers/output";
import { failWritesUnder, fill, mountTmpfs, scratchFolder } from "../helpers/mounts";

const scratch = scratchFolder("golab-test-output-");

const isOutputError = (code: string) => (e: unknown) => e instanceof OutputError && e.code === code && !e.message.includes("\n");

test("a full disk leaves the old executed notebook whole, and no temporary file beside it", () => {
  const disk = mountTmpfs(64);
  const dir = disk ?? fs.mkdtempSync(path.join(scratch, "full-"));
  const file = path.join(dir, "ch1.ipynb");
  const old = { cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 };
  writeNotebook(file, old);
  const before = fs.readFileSync(file, "utf8");
  const big = { ...old, cells: [{ cell_type: "markdown" as const, source: "x".repeat(200_000), metadata: {} }] };
  let restore = () => {};
  if (disk) fill(disk);
  else restore = failWritesUnder(dir, "ENOSPC");
  try {
    assert.throws(() => writeNotebook(file, big), isOutputError("ENOSPC"));
  } finally {
    restore();
  }
  assert.equal(fs.readFileSync(file, "utf8"), before);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")), []);
  process.stdout.write(`# full disk: ${disk ? "a 64 KiB tmpfs" : "an injected ENOSPC (no mount allowed here)"}\n`);
});

test("a read-only folder is refused before any work, and a write there is one line", () => {
  const ro = mountTmpfs(64, { readOnly: true });
  if (ro) {
    assert.throws(() => checkOutputDir(path.join(ro, "course")), isOutputError("EROFS"));
    assert.throws(() => writeFileAtomically(path.join(ro, "index.html"), "x"), isOutputError("EROFS"));
  } else {
    const dir = fs.mkdtempSync(path.join(scratch, "ro-"));
    const restore = failWritesUnder(dir, "EROFS");
    try {
      assert.throws(() => writeFileAtomically(path.join(dir, "index.html"), "x"), isOutputError("EROFS"));
    } finally {
      restore();
    }
  }
});

test("a path through a file, or to a device, is not a folder", () => {
  const file = path.join(scratch, "a-file");
  fs.writeFileSync(file, "");
  for (const [dir, blocker] of [[file, file], [path.join(file, "sub"), file], ["/dev/null", "/dev/null"]]) {
    assert.throws(() => checkOutputDir(dir), (e: unknown) => e instanceof OutputError && e.message === `cannot write in "${dir}": ${dir === blocker ? "it" : `"${blocker}"`} is not a folder`);
    assert.throws(() => makeDirs(dir), OutputError);
  }
});

test("no folder under /proc makes golab spin: each check returns at once", () => {
  // In a child, so that a spin (which blocks the event loop) cannot hang the test runner.
  const output = path.resolve(__dirname, "..", "..", "kernel-helpers", "output");
  const script = `
    const { checkOutputDir, makeDirs } = require(${JSON.stringify(output)});
    for (const dir of ["/proc/self/x", "/proc/nope", "/proc/nope/a/b"]) {
      for (const f of [checkOutputDir, makeDirs]) {
        try { f(dir); console.log("made " + dir); } catch (e) { console.log(e.name + ": " + e.message); }
      }
    }`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 10_000 });
  assert.equal(r.signal, null, "killed after 10 s: it spun");
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines.length, 6, r.stdout + r.stderr);
  for (const line of lines) assert.match(line, /^OutputError: cannot write "\/proc\/[^"]+": /);
  process.stdout.write(`# /proc: 6 checks in ${Date.now() - started} ms\n`);
});
