/**
 * A machine without Go, as far as PATH goes: set-up still succeeds (with one warning saying what
 * works), Delve and Go 1.27 are left out rather than failed, and what needs no Go works: the
 * simulator-only course through `npm run lab -- --set live=false`, `golab predict` and
 * `golab claims --recorded`.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { golab } from "../helpers/cli";
import { goOnPath, pathWithoutGo } from "../helpers/no-go";

const REPO = path.resolve(__dirname, "..", "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "golab-no-go-test-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// apt-get that only notes it was called: set-up must not install anything these runs did not ask for.
const fakeBin = path.join(tmp, "fake-bin");
const aptCalls = path.join(tmp, "apt-get.calls");
fs.mkdirSync(fakeBin);
fs.writeFileSync(path.join(fakeBin, "apt-get"), `#!/bin/sh\necho "$*" >>'${aptCalls}'\nexit 1\n`, { mode: 0o755 });

const noGoPath = pathWithoutGo(path.join(tmp, "path"));
const noGoEnv = { ...process.env, PATH: `${fakeBin}${path.delimiter}${noGoPath}` };

/** scripts/setup.sh copied into an empty checkout of its own, so its steps see nothing installed and write only there. */
function emptyCheckout(name: string): string {
  const root = path.join(tmp, name);
  fs.mkdirSync(path.join(root, "scripts"), { recursive: true });
  fs.copyFileSync(path.join(REPO, "scripts", "setup.sh"), path.join(root, "scripts", "setup.sh"));
  return root;
}

function setup(root: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync("bash", [path.join(root, "scripts", "setup.sh"), ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The summary row of one tool: "  dlv (host go)  -  missing (no go)  -" (what, version, this run, where). */
function row(stdout: string, what: string): string {
  const line = stdout.split("\n").find((l) => l.startsWith(`  ${what} `));
  assert.ok(line, `the summary has a row for ${what}:\n${stdout}`);
  return line;
}

test("the PATH these tests use has no go", () => {
  assert.equal(goOnPath(noGoPath), false);
  assert.equal(spawnSync("bash", ["-c", "command -v go"], { env: noGoEnv }).status, 1, "bash finds no go");
  assert.ok(spawnSync("bash", ["-c", "command -v node && command -v python3"], { env: noGoEnv }).status === 0, "node and python3 are still there");
});

test("set-up with no go on PATH: exit 0, dlv and Go 1.27 missing (not failed), Chromium not asked for, one warning saying what works", () => {
  const root = emptyCheckout("no-go");
  const r = setup(root, ["--steps", "dlv,go127,chromium"], noGoEnv);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(row(r.stdout, "dlv (host go)"), / missing \(no go\) /);
  assert.match(row(r.stdout, "go 1.27.3"), / missing \(no go\) /);
  assert.match(row(r.stdout, "go (host)"), /^\s+go \(host\)\s+-\s+-/);
  assert.match(row(r.stdout, "chromium"), / only for tests /);
  assert.match(row(r.stdout, "node_modules"), / left out \(--steps\) /);
  const warning = r.stderr.trim().split("\n").at(-1) ?? "";
  assert.match(warning, /^golab setup: warning: no go on PATH.*Without Go these work: the simulator-only course \(npm run lab -- --set live=false\), golab predict, golab claims --recorded\./);
  assert.doesNotMatch(r.stderr, /error/);
  assert.equal(fs.existsSync(path.join(root, ".tools", "bin", "dlv")), false, "no dlv was built");
  assert.equal(fs.existsSync(aptCalls), false, `apt-get was called: ${fs.existsSync(aptCalls) ? fs.readFileSync(aptCalls, "utf8") : ""}`);
});

test("the same set-up with go on PATH prints no such warning (the warning is about Go, not about this checkout)", () => {
  const r = setup(emptyCheckout("with-go"), ["--steps", "go127", "--quiet"], { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /no go on PATH/);
  assert.doesNotMatch(row(r.stdout, "go (host)"), /^\s+go \(host\)\s+-/);
});

test("golab predict and golab claims --recorded need no go", () => {
  const p = golab(["predict", "make(map[int]int, 1000)", "--go", "1.19", "--json"], noGoEnv);
  assert.equal(p.status, 0, p.stderr);
  assert.ok(JSON.stringify(JSON.parse(p.stdout)).includes("mallocs"), p.stdout.slice(0, 500));
  const c = golab(["claims", "--recorded", "--json", "--quiet"], noGoEnv);
  assert.equal(c.status, 0, c.stderr);
  const verdicts = JSON.parse(c.stdout) as { id: string; byVersion: { verdict: string }[] }[];
  assert.ok(verdicts.length >= 20, `${verdicts.length} claims`);
  assert.ok(verdicts.every((v) => v.byVersion.every((b) => b.verdict !== "no evidence")), "every claim has evidence from the recordings");
});

test("npm run lab -- --set live=false, with no go on PATH, writes the whole course", { timeout: 600_000 }, () => {
  const out = path.join(tmp, "course");
  // --steps dlv,go127: the set-up steps that depend on Go (the others install into this checkout,
  // which npm test's own set-up has just checked).
  const started = Date.now();
  const r = spawnSync("bash", [path.join(REPO, "scripts", "lab.sh"), "--steps", "dlv,go127", "--quiet", "--set", "live=false", "--out", out], { env: noGoEnv, encoding: "utf8", timeout: 600_000 });
  process.stdout.write(`# npm run lab -- --set live=false without go: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, /golab setup: warning: no go on PATH/);
  for (const page of ["index.html", "ch1.html", "ch2.html", "ch3.html", "ch4.html", "ch5.html", "ch6.html"]) {
    assert.ok(fs.existsSync(path.join(out, page)), `${page} was written`);
  }
  const ch1 = fs.readFileSync(path.join(out, "ch1.html"), "utf8");
  assert.match(ch1, /recorded \d{4}-\d{2}-\d{2}/, "results come from the recordings, and say so");
  assert.doesNotMatch(ch1, /measured now/);
  assert.equal(fs.existsSync(aptCalls), false, "npm run lab installed nothing with apt-get");
});
