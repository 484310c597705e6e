import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readDataset, writeDataset, Provenance, datasetFileName, recordedDatasets } from "../../kernel-helpers/record";
import { DatasetError } from "../../kernel-helpers/errors";
import { MeasureResult } from "../../kernel-helpers/measure";

const PROVENANCE: Provenance = {
  kind: "provenance", schema: 1, go: "1.26.8", goos: "linux", goarch: "amd64", goexperiment: "",
  gcflags: ["-gcflags=golabprobe=-m"], debug: false, runs: 3, date: "2026-01-01T00:00:00.000Z",
  cpu: "test", cores: 2, recorder: "golab record", matrix: "test", cases: 1,
};

// A result shaped as measure writes it; its numbers are arbitrary, only their shape is tested.
const RESULT = {
  go: "1.26.8", goarch: "amd64", backend: "measure", case: { op: "makeslice", elem: "int", len: 1, escape: "heap" },
  mallocs: 1, allocatedBytes: 8, runs: 3, deterministic: true, memstats: { mallocs: 1, totalAlloc: 8, heapObjects: 1 },
  metrics: {}, bySize: [], escape: [], build: { gcflags: [], debug: false, goexperiment: "", goos: "linux", cached: false },
} as unknown as MeasureResult;

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-test-"));
  made.push(dir);
  return path.join(dir, "go1.26.8.jsonl");
}

// A second case, so a dataset of two lines holds each case once.
const OTHER = { ...RESULT, case: { op: "makeslice", elem: "int", len: 2, escape: "heap" } } as unknown as MeasureResult;

function withLines(mutate: (lines: string[]) => void): string {
  const file = tempFile();
  writeDataset(file, PROVENANCE, [RESULT, OTHER]);
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
  mutate(lines);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

test("a dataset reads back as written, provenance first", () => {
  const file = tempFile();
  writeDataset(file, PROVENANCE, [RESULT]);
  const d = readDataset(file);
  assert.deepEqual(d.provenance, PROVENANCE);
  assert.deepEqual(d.results, [RESULT]);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ["go1.26.8.jsonl"], "no temporary file is left");
});

for (const [name, mutate, where] of [
  ["a truncated line", (l: string[]) => { l[2] = l[2].slice(0, 20); }, ":3: not JSON"],
  ["a result of another Go version", (l: string[]) => { l[1] = l[1].replace('"go":"1.26.8"', '"go":"1.19.8"'); }, ":2: result for Go 1.19.8"],
  ["a bad case", (l: string[]) => { l[2] = l[2].replace('"elem":"int"', '"elem":"chan int"'); }, ":3: bad case"],
  ["a negative count", (l: string[]) => { l[1] = l[1].replace('"mallocs":1', '"mallocs":-1'); }, ":2: mallocs must be"],
  ["no provenance", (l: string[]) => { l.shift(); }, ":1: the first line must be the provenance"],
  ["a result without its build", (l: string[]) => { l[1] = l[1].replace(/,"build":\{[^}]*\}/, ""); }, ":2: lacks its build"],
  ["a result without memstats", (l: string[]) => { l[2] = l[2].replace(/"memstats":\{[^}]*\},/, ""); }, ":3: lacks its memstats"],
  ["an unknown field", (l: string[]) => { l[1] = l[1].replace('"runs":3', '"runs":3,"mallocz":1'); }, ':2: unknown field "mallocz"'],
  ["the same case twice", (l: string[]) => { l[2] = l[1]; }, ":3: the same case as line 2"],
  ["a -N -l result among optimized ones", (l: string[]) => { l[2] = l[2].replace('"debug":false', '"debug":true'); }, ":3: a -N -l result in a dataset of optimized builds"],
] as const) {
  test(`${name} is reported as file:line`, () => {
    const file = withLines(mutate);
    assert.throws(() => readDataset(file), (e: unknown) => e instanceof DatasetError && e.message.startsWith(file) && e.message.includes(where));
  });
}

test("a line of terminal control bytes is named in one line, none of its bytes raw", () => {
  // V8's JSON errors quote the line: ESC, BEL, DEL, a C1 control and U+2028 must not reach the terminal as they are.
  const file = withLines((l) => { l[2] = "\x1b[31mred\x07\x7f\x9b\u2028{"; });
  assert.throws(() => readDataset(file), (e: unknown) => {
    const m = (e as Error).message;
    assert.ok(e instanceof DatasetError && m.startsWith(`${file}:3: not JSON`), m);
    assert.doesNotMatch(m, /[\x00-\x1f\x7f-\x9f\u2028\u2029]/, "no control character raw");
    assert.match(m, /\\u001b\[31mred\\u0007/, "the bytes shown escaped");
    return true;
  });
});

test("a rewrite replaces the file whole", () => {
  const file = tempFile();
  writeDataset(file, PROVENANCE, [RESULT, OTHER]);
  writeDataset(file, PROVENANCE, [RESULT]);
  assert.equal(readDataset(file).results.length, 1);
});

test("file names carry the version and mark debug builds", () => {
  assert.equal(datasetFileName("1.19.8", false), "go1.19.8.jsonl");
  assert.equal(datasetFileName("1.19.8", true), "go1.19.8-N-l.jsonl");
});

test("only exact dataset names load: a leftover temporary file of a killed record is not a dataset", () => {
  const file = tempFile();
  writeDataset(file, PROVENANCE, [RESULT]);
  fs.writeFileSync(`${file}.4242.tmp`, "{ half a dataset");
  fs.writeFileSync(path.join(path.dirname(file), "go1.26.8.jsonl.bak"), "");
  const found = recordedDatasets("1.26", path.dirname(file));
  assert.deepEqual(found.map((d) => path.basename(d.file)), ["go1.26.8.jsonl"]);
});

test("a matrix's own file is a dataset of its version too (go1.26.8.strings.jsonl)", () => {
  const file = tempFile();
  const strings = path.join(path.dirname(file), datasetFileName("1.26.8", false, ".strings"));
  writeDataset(strings, PROVENANCE, [RESULT]);
  fs.writeFileSync(path.join(path.dirname(file), "go1.26.8-other.jsonl"), "");
  assert.deepEqual(recordedDatasets("1.26", path.dirname(file)).map((d) => path.basename(d.file)), ["go1.26.8.strings.jsonl"]);
});
