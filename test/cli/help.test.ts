/**
 * `--help` of every command: examples, no default-value noise, the case schema printed from the
 * parser's own lists, and examples that work as written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { CASE_SCHEMA, OPS, parseCase, SHORT_FORMS } from "../../kernel-helpers/case";
import { CASE_COMMANDS, EXAMPLES } from "../../kernel-helpers/cli/examples";
import { SUMMARIES } from "../../kernel-helpers/cli/summaries";
import { CLI, golab } from "../helpers/cli";

/** Help text with commander's line wrapping undone, so phrases split over two lines are found. */
const unwrapped = (text: string) => text.replace(/\s+/g, " ");

const HELPS = Object.keys(EXAMPLES).map((name) => ({ name, run: golab([...name.split(" "), "--help"]) }));

for (const { name, run } of HELPS) {
  test(`golab ${name} --help: examples, and a default only where it tells something`, () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\nExamples:\n {2}# .+\n {2}golab /);
    for (const [line] of EXAMPLES[name as keyof typeof EXAMPLES]) assert.ok(run.stdout.includes(`  ${line}\n`), line);
    const text = unwrapped(run.stdout);
    assert.doesNotMatch(text, /\(default: (false|true)\)/);
    assert.doesNotMatch(text, /default[^()]*\) \(default:/, "a second default after a description that names one");
    if (name in SUMMARIES) assert.ok(text.includes(unwrapped(SUMMARIES[name as keyof typeof SUMMARIES])), "the summary");
    // Sizes read as sizes (1 GiB), as in the text output: no default of five digits or more.
    assert.doesNotMatch(text, /\(default: \d{5,}\)/, "a size as a raw byte count");
  });
}

test("commands that read cases print the case schema: every short form, op and field the parser reads", () => {
  for (const name of CASE_COMMANDS) {
    const { run } = HELPS.find((h) => h.name === name)!;
    for (const f of SHORT_FORMS) assert.ok(run.stdout.includes(f.form), `${name}: ${f.form}`);
    for (const op of OPS) {
      const block = run.stdout.slice(run.stdout.indexOf(`{"op": "${op}", …}`));
      assert.ok(block.length < run.stdout.length, `${name}: op ${op}`);
      for (const f of CASE_SCHEMA[op].fields) assert.match(block, new RegExp(`\\n {4}${f.name}${f.required ? "" : "\\?"} `), `${name}: ${op}.${f.name}`);
    }
  }
});

test("the cases in the examples parse, and the predict examples run", () => {
  for (const name of CASE_COMMANDS) {
    for (const [line] of EXAMPLES[name]) {
      const cases = [...line.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      for (const c of cases) parseCase(c);
      if (name !== "predict") continue;
      const args = [...line.matchAll(/'([^']+)'|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(2);
      const r = golab(["predict", ...args]);
      assert.equal(r.status, 0, `${line}: ${r.stderr}`);
    }
  }
});

test("golab --help lists every command by its summary and loads no command's module", () => {
  const r = golab(["--help"]);
  assert.equal(r.status, 0);
  for (const [name, summary] of Object.entries(SUMMARIES)) assert.ok(unwrapped(r.stdout).includes(`${name} ${unwrapped(summary)}`), name);
  const loaded = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(CLI)}).buildProgram([]);
    process.stdout.write(Object.keys(require.cache).filter((f) => /-command\\.js$/.test(f)).join(","))`], { encoding: "utf8" });
  assert.equal(loaded.stderr, "");
  assert.equal(loaded.stdout, "");
  assert.match(golab(["help", "measure"]).stdout, /--runs <n>/, "golab help measure loads measure");
});
