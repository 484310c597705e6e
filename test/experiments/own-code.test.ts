/**
 * Chapter 6's programs: written from their templates with the reader's sizes (as Go literals),
 * refused with one clear line when a size is not a whole number in range; the recorded experiment's
 * inputs are exactly the chapter's default programs, and the chapter's parameters cell starts from
 * those defaults (or the recording would never answer it); a traced call grouped line by line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../../kernel-helpers/errors";
import { linesOf, OWN_CODE_DEFAULTS, ownCodeExperiment, ownCodeSnippets, ownSnippet } from "../../kernel-helpers/experiments";
import { parseParameters } from "../../kernel-helpers/jupyter";
import { checkLiveResult } from "../../kernel-helpers/record/experiment-checks";
import type { TraceResult } from "../../kernel-helpers/trace";

const sourceOf = (name: string, params = OWN_CODE_DEFAULTS) => ownCodeSnippets(params).find((s) => s.name === name)!.case.source;

test("the programs carry the reader's sizes as Go literals, and nothing else changes", () => {
  const seven = { ...OWN_CODE_DEFAULTS, pieces: 7, length: 3 };
  assert.match(sourceOf("concat.go", seven), /for i := 0; i < 7; i\+\+ \{/);
  assert.match(sourceOf("builder-grow.go", seven), /b\.Grow\(2 \* 7\)/);
  assert.match(sourceOf("bytes.go", seven), /strings\.Repeat\("x", 3\)/);
  assert.equal(sourceOf("closures.go", seven), sourceOf("closures.go"), "a program without parameters is the same at every size");
  const lessons = ownCodeSnippets().map((s) => s.lesson);
  assert.deepEqual([...new Set(lessons)], ["6.1", "6.2", "6.3", "6.4", "6.5"]);
  for (const s of ownCodeSnippets()) assert.match(s.case.source, /^func probe\(\) \{$/m, `${s.name} has a func probe()`);
});

test("a size that is not a whole number in range is refused in one line naming it", () => {
  for (const [key, value] of [["pieces", -1], ["closures", 1.5], ["length", 1 << 30], ["boxed", Number.NaN]] as const) {
    assert.throws(() => ownCodeSnippets({ ...OWN_CODE_DEFAULTS, [key]: value }), (e: unknown) => e instanceof InputError && e.message.startsWith(`${key} must be a whole number`) && !e.message.includes("\n"));
  }
});

test("the recorded experiment's inputs are the default programs; the chapter's parameters cell starts from the defaults", () => {
  const inputs = ownCodeExperiment().inputs as { programs: { lesson: string; name: string; source: string }[]; runs: number };
  assert.deepEqual(inputs.programs.map((p) => p.source), ownCodeSnippets().map((s) => s.case.source));
  assert.notDeepEqual(ownCodeExperiment({ ...OWN_CODE_DEFAULTS, pieces: 10 }).inputs, inputs, "other sizes are another experiment");
  const ch6 = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "notebooks", "src", "ch6.ts"), "utf8");
  const cell = ch6.split("// %% tags=[\"parameters\"]")[1].split("// %%")[0];
  const declared = new Map(parseParameters(cell).map((p) => [p.name, p.value]));
  for (const [key, value] of Object.entries(OWN_CODE_DEFAULTS)) assert.equal(declared.get(key), value, `ch6's parameter ${key}`);
});

test("a reader's own program is a code case from its template", () => {
  const mine = ownSnippet("var sink []byte\n\nfunc probe() { sink = make([]byte, {{n}}) }\n", { n: 33 });
  assert.deepEqual([mine.lesson, mine.name], ["yours", "mine.go"]);
  assert.match(mine.case.source, /make\(\[\]byte, 33\)/);
});

test("a traced call, line by line: grouped by the function the line called, the runtime site and the type", () => {
  const a = (line: number, size: number, rounded: number, site: string, type: string | null, stack: string[]) =>
    ({ size, rounded, site, type, stack, line, entry: "runtime.mallocgc", caller: "", sizeClass: 0, path: "small", noscan: true });
  const concat = ["runtime.mallocgc (runtime/malloc.go:1)", "runtime.rawstring (runtime/string.go:2)", "runtime.concatstrings (runtime/string.go:3)", "runtime.concatstring2 (runtime/string.go:4)", "main.probe (mine.go:6)"];
  const closure = ["runtime.mallocgc (runtime/malloc.go:1)", "runtime.newobject (runtime/malloc.go:2)", "main.probe (mine.go:8)"];
  const traced = {
    lines: [{ line: 6, mallocs: 2, bytes: 10, allocatedBytes: 16 }, { line: 8, mallocs: 1, bytes: 16, allocatedBytes: 16 }],
    allocations: [a(6, 4, 16, "runtime.rawstring", null, concat), a(6, 6, 0, "runtime.rawstring", null, concat), a(8, 16, 16, "main.probe", "struct { F uintptr; X0 int }", closure), a(8, 0, 0, "main.probe", null, closure)],
  } as unknown as TraceResult;
  assert.deepEqual(linesOf(traced, "mine.go"), [
    { line: 6, mallocs: 2, bytes: 10, allocatedBytes: 16, kinds: [{ via: "runtime.concatstring2", site: "runtime.rawstring", type: null, count: 2, bytes: 10, allocatedBytes: 16 }] },
    { line: 8, mallocs: 1, bytes: 16, allocatedBytes: 16, kinds: [{ via: "runtime.newobject", site: "main.probe", type: "struct { F uintptr; X0 int }", count: 1, bytes: 16, allocatedBytes: 16 }] },
  ]);
});

test("a recorded result with a field missing is refused, naming the field", () => {
  const good = { go: "1.26.8", lesson: "6.1", name: "a.go", mallocs: 1, allocatedBytes: 16, tinyAllocs: 0, traced: 1, escape: [], lines: [{ line: 4, mallocs: 1, bytes: 8, allocatedBytes: 16, kinds: [{ via: "runtime.newobject", site: "main.probe", type: "int", count: 1, bytes: 8, allocatedBytes: 16 }] }] };
  checkLiveResult("own-code", [good], "1.26.8");
  const bad = { ...good, lines: [{ ...good.lines[0], kinds: [{ ...good.lines[0].kinds[0], site: undefined }] }] };
  assert.throws(() => checkLiveResult("own-code", [bad], "1.26.8"), /result\[0\]\.lines\[0\]\.kinds\[0\]\.site must be text/);
  assert.throws(() => checkLiveResult("own-code", [good], "1.19.8"), /result\[0\]\.go/);
});
