/**
 * `npm run lab -- …` sends each option to set-up or to the main job (scripts/lab.sh); only
 * `npm test` asks set-up for Chromium; set-up refuses what it does not know in one line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { golab } from "../helpers/cli";

const REPO = path.resolve(__dirname, "..", "..", "..");
const script = (name: string) => path.join(REPO, "scripts", name);

function run(name: string, args: string[]) {
  const r = spawnSync("bash", [script(name), ...args], { encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `lab.sh --dry-run ARGS` would run: the arguments given to set-up and to the main job. */
function split(args: string[]): { setup: string; job: string } {
  const r = run("lab.sh", ["--dry-run", ...args]);
  assert.equal(r.status, 0, r.stderr);
  const [setup, job] = r.stdout.trim().split("\n");
  assert.match(setup, /^set-up: {3}bash scripts\/setup\.sh/);
  assert.match(job, /^main job: bash scripts\/main-job\.sh/);
  return { setup: setup.replace(/^set-up: {3}bash scripts\/setup\.sh ?/, ""), job: job.replace(/^main job: bash scripts\/main-job\.sh ?/, "") };
}

test("npm run lab is scripts/lab.sh, and npm test's set-up is the one that asks for Chromium", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts.lab, "bash scripts/lab.sh");
  assert.equal(pkg.scripts.test, "bash scripts/test.sh");
  const setupLines = fs.readFileSync(script("test.sh"), "utf8").split("\n").filter((l) => l.startsWith("bash scripts/setup.sh"));
  assert.deepEqual(setupLines, ["bash scripts/setup.sh --quiet --chromium"]);
  assert.doesNotMatch(split([]).setup, /chromium/, "npm run lab alone does not install Chromium");
  assert.doesNotMatch(split(["--set", "live=false"]).setup, /chromium/);
});

test("each option after npm run lab -- goes to set-up, to the main job, or (--quiet) to both", () => {
  const cases: [string[], string, string][] = [
    [["--set", "live=false"], "", "--set live=false"],
    [["--no-go119", "--set", "live=false"], "--no-go119", "--set live=false"],
    [["--no-dlv", "--no-go127", "--only", "ch1", "--set=hint=1001"], "--no-dlv --no-go127", "--only ch1 --set=hint=1001"],
    [["-q", "--verbose", "--no-cache", "--show-code", "--out", "site"], "--quiet --verbose", "--quiet --no-cache --show-code --out site"],
    [["--steps", "dlv,go127", "--timeout", "60"], "--steps dlv,go127", "--timeout 60"],
    [["--chromium"], "--chromium", ""],
    [["--set", "label=a b"], "", "--set label=a\\ b"],
  ];
  for (const [args, setup, job] of cases) assert.deepEqual(split(args), { setup, job }, args.join(" "));
});

test("an option neither side knows is refused at once, in one line, before any set-up", () => {
  for (const args of [["--sett", "live=false"], ["live=false"], ["--set"], ["--go119"]]) {
    const r = run("lab.sh", args);
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^golab lab: [^\n]+\n$/, r.stderr);
  }
  assert.match(run("lab.sh", ["--help"]).stdout, /npm run lab -- --set live=false/);
});

test("lab.sh passes on exactly golab export's options", () => {
  const help = golab(["export", "--help"]);
  assert.equal(help.status, 0, help.stderr);
  const value: string[] = [];
  const flags: string[] = [];
  for (const m of help.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)( <[^>]+>)?/gm)) {
    if (m[1] === "--help") continue;
    if (m[1] === "--quiet") continue; // to both sides, tested above
    (m[2] ? value : flags).push(m[1]);
  }
  const lab = fs.readFileSync(script("lab.sh"), "utf8");
  const listed = (name: string) => (new RegExp(`^${name}=" (.*) "$`, "m").exec(lab)?.[1] ?? "").split(" ").sort();
  assert.deepEqual(listed("EXPORT_VALUE_OPTIONS"), value.sort());
  assert.deepEqual(listed("EXPORT_FLAGS"), flags.sort());
});

test("setup.sh: --help names every step; an unknown option or step is one line and exit 2", () => {
  const help = run("setup.sh", ["--help"]);
  assert.equal(help.status, 0);
  for (const step of ["npm", "venv", "kernel", "dlv", "go119", "go127", "chromium"]) assert.match(help.stdout, new RegExp(`^  ${step} `, "m"));
  for (const args of [["--nope"], ["--steps", "dlv,nope"], ["--steps"], ["--steps", ","]]) {
    const r = run("setup.sh", args);
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr, /^golab setup: error: [^\n]+\n$/, r.stderr);
  }
});
