/** golab record: a full recording validates, and an interrupted one leaves the old dataset whole. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readDataset, validationMatrix } from "../../kernel-helpers/record";
import { CLI, golab } from "../helpers/cli";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "record-test-"));
after(() => fs.rmSync(out, { recursive: true, force: true }));

test("record writes the whole matrix with provenance", () => {
  const r = golab(["record", "--out", out, "--runs", "3", "--quiet"]);
  assert.equal(r.status, 0, r.stderr);
  const file = r.stdout.trim();
  assert.equal(path.dirname(file), out);
  const d = readDataset(file);
  assert.equal(d.results.length, validationMatrix().length);
  assert.equal(d.provenance.runs, 3);
  assert.equal(d.provenance.debug, false);
});

test("an interrupted record loses nothing already recorded and leaves no partial file", async () => {
  const [name] = fs.readdirSync(out);
  const file = path.join(out, name);
  const before = fs.readFileSync(file, "utf8");
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [CLI, "record", "--out", out, "--runs", "2000"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
      if (/running it/.test(stderr)) setTimeout(() => child.kill("SIGINT"), 300);
    });
    child.on("close", resolve);
  });
  assert.equal(code, 130);
  assert.deepEqual(fs.readdirSync(out), [name], "no temporary or partial file");
  assert.equal(fs.readFileSync(file, "utf8"), before, "the recorded dataset is unchanged");
});
