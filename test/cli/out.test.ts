/**
 * `export --out` and `record --out` at a place no output can go: one `golab:` line, exit status 1,
 * at once (before Jupyter starts or anything is measured), nothing left behind, and no spin
 * under /proc (these used to run at 55% CPU, deaf to SIGINT).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLI } from "../helpers/cli";
import { mountTmpfs, scratchFolder } from "../helpers/mounts";

const scratch = scratchFolder("golab-test-out-");
const existingFile = path.join(scratch, "a-file");
fs.writeFileSync(existingFile, "kept");
const readOnly = mountTmpfs(64, { readOnly: true });

const TARGETS: [string, RegExp][] = [
  [existingFile, /: it is not a folder$/],
  ["/dev/null", /: it is not a folder$/],
  ["/proc/self/x", /^golab: cannot write "\/proc\/self\/x": /],
  ["/proc/nope", /^golab: cannot write "\/proc\/nope": /],
  ...(readOnly ? [[path.join(readOnly, "course"), /the file system is read-only \(EROFS\)$/] as [string, RegExp]] : []),
];

const COMMANDS = [
  ["export", "--only", "ch1", "--set", "live=false"],
  ["record", "--go", "1.26"],
  ["record", "--experiments", "--go", "1.26"],
];

for (const command of COMMANDS) {
  for (const [out, message] of TARGETS) {
    test(`${command.join(" ")} --out ${out.startsWith(scratch) ? "<a file>" : out}: one line, exit 1, at once`, () => {
      const tmp = fs.mkdtempSync(path.join(scratch, "tmp-"));
      const started = Date.now();
      // A spin blocks golab's event loop; the time limit ends it, and the test says so.
      const r = spawnSync(process.execPath, [CLI, ...command, "--out", out], { encoding: "utf8", timeout: 15_000, env: { ...process.env, TMPDIR: tmp } });
      const seconds = (Date.now() - started) / 1000;
      assert.equal(r.signal, null, `still running after 15 s`);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^golab: cannot write /);
      assert.match(lines[0], message);
      assert.ok(seconds < 5, `took ${seconds} s: the check must come before any work`);
      assert.deepEqual(fs.readdirSync(tmp), []);
    });
  }
}

test("the file that was in the way is untouched", () => {
  assert.equal(fs.readFileSync(existingFile, "utf8"), "kept");
});

// path.resolve("") is the current folder: export and record wrote their files wherever golab ran.
for (const command of [...COMMANDS, ["run", "notebooks/ch1.ipynb"], ["run", "notebooks/ch1.ipynb", "--out", "x.ipynb", "--html"]]) {
  test(`${command.join(" ")} --out "": refused at once, nothing written where golab runs`, () => {
    const cwd = fs.mkdtempSync(path.join(scratch, "cwd-"));
    const args = command.includes("--html") ? [...command, ""] : [...command, "--out", ""];
    const r = spawnSync(process.execPath, [CLI, ...args.map((a) => (a.startsWith("notebooks/") ? path.resolve(__dirname, "..", "..", "..", a) : a))], { cwd, encoding: "utf8", timeout: 15_000 });
    assert.equal(r.signal, null, "still running after 15 s");
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^golab: invalid --(out|html): "" \(a path; \. is the current folder\)\n$/);
    assert.deepEqual(fs.readdirSync(cwd), []);
  });
}
