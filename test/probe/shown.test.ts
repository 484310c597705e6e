import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { buildCommand, gcflagsFor, generateProbe, ldflagsFor, shownProgram } from "../../kernel-helpers/probe";
import { harnessMain } from "../../kernel-helpers/probe/harness";

const CASES = [
  "_ = make(map[int]int, 1000)",
  "make([]int, 0, 1000)",
  '{"op":"makeslice","elem":"int","len":4,"constSize":false,"escape":"stack"}',
  '{"op":"append","elem":"int","n":100,"start":"nil"}',
  '{"op":"mapinsert","key":"string","elem":"int","n":9}',
].map((t) => parseCase(t));

test("every piece shown is text of the program the generator writes for those cases", () => {
  const source = generateProbe(CASES, "1.26").source;
  const { code: shown, parts } = shownProgram(CASES);
  assert.equal(shown, parts.join("\n\n"));
  for (const part of parts) assert.ok(source.includes(part), `not in the generated probe:\n${part}`);
  CASES.forEach((_, i) => assert.match(shown, new RegExp(`func probe${i}\\(\\) \\{`)));
  assert.doesNotMatch(shown, /func main|ReadMemStats|probeBegin/, "the harness is not shown");
});

test("the set-up that fills map keys is shown when a case needs it, and only then", () => {
  assert.match(shownProgram(CASES).code, /func setup\(\) \{\n\tkeys4 = make\(\[\]string, 9\)/);
  assert.doesNotMatch(shownProgram(CASES.slice(0, 2)).code, /func setup/);
});

test("the build commands carry the flags the lab builds with", () => {
  const { builds } = shownProgram(CASES.slice(0, 1), { builds: [false, true, false] });
  assert.deepEqual(builds.map((b) => b.debug), [false, true]);
  assert.equal(builds[0].command, "go build -gcflags=golabprobe=-m -ldflags='-s -w' .");
  // The -N -l probe keeps its DWARF: trace reuses it.
  assert.equal(builds[1].command, "go build -gcflags='all=-N -l' -gcflags='golabprobe=-N -l -m' .");
  for (const debug of [false, true]) {
    const flags = [...gcflagsFor(debug), ...ldflagsFor(debug)].map((f) => f.replace(/=(.*)$/, (_, v: string) => `=${/\s/.test(v) ? `'${v}'` : v}`));
    assert.equal(buildCommand(debug), ["go", "build", ...flags, "."].join(" "));
  }
});

test("what a page says of the hidden main() holds: GC off, MemStats read around each probe call", () => {
  const main = harnessMain();
  assert.match(main, /debug\.SetGCPercent\(-1\)/);
  assert.match(main, /runtime\.ReadMemStats\(&m0\)[\s\S]*\tp\(\)[\s\S]*runtime\.ReadMemStats\(&m1\)/);
});
