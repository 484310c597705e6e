/**
 * Recorded live experiments (data/experiments/go<version>.jsonl): written atomically, read only by
 * exact name, and validated line by line and field by field with file:line errors. The results
 * here are made up by the test: only their shape is tested.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  ExperimentsProvenance, findRecorded, readExperiments, RecordedExperiment, recordedExperiments, writeExperiments,
} from "../../kernel-helpers/record";
import { DatasetError } from "../../kernel-helpers/errors";

const PROVENANCE: ExperimentsProvenance = {
  kind: "provenance", schema: 1, go: "1.26.8", goos: "linux", goarch: "amd64", goexperiment: "", date: "2026-01-01T00:00:00.000Z",
  cpu: "test", cores: 2, recorder: "golab record", golab: "0.0.0", seconds: 1,
};

const PPROF: RecordedExperiment = {
  kind: "experiment", name: "pprof-inlining", inputs: { bytes: 4000 }, flags: ["test"], at: "2026-01-01T00:00:00.000Z", seconds: 0.5,
  result: { go: "1.26.8", inlined: true, helperNamed: true, frames: ["main.newBuffer (inline)", "main.handle"], trace: "" },
};
const GC: RecordedExperiment = {
  kind: "experiment", name: "gc-latency", inputs: { cases: ["make([]byte, 64)"], runs: 1, benchtime: "1x" }, flags: [], at: "2026-01-01T00:00:00.000Z", seconds: 1,
  result: [{ go: "1.26.8", case: { op: "makeslice", elem: "byte", len: 64, escape: "heap" }, gc: "on (GOGC=100)", run: 0, nsPerOp: 1, allocsPerOp: 1, nsPerMalloc: 1 }],
};

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-test-"));
  made.push(dir);
  return dir;
}

/** A written file with its lines changed by `mutate`. */
function withLines(mutate: (lines: Record<string, unknown>[]) => void): string {
  const file = path.join(tempDir(), "go1.26.8.jsonl");
  writeExperiments(file, PROVENANCE, [GC, PPROF]);
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
  mutate(lines);
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  return file;
}

test("a written recording reads back; experiments are found by name and inputs, whatever their key order", () => {
  const dir = tempDir();
  writeExperiments(path.join(dir, "go1.26.8.jsonl"), PROVENANCE, [GC, PPROF]);
  assert.deepEqual(fs.readdirSync(dir), ["go1.26.8.jsonl"], "no temporary file is left behind");
  const recs = recordedExperiments("1.26", dir);
  assert.equal(recs.length, 1);
  assert.equal(recs[0].provenance.go, "1.26.8");
  assert.equal(findRecorded(recs, "gc-latency", { benchtime: "1x", runs: 1, cases: ["make([]byte, 64)"] })?.experiment.seconds, 1);
  assert.equal(findRecorded(recs, "gc-latency", { cases: ["make([]byte, 64)"], runs: 10, benchtime: "1x" }), undefined, "other inputs are another experiment");
  assert.equal(findRecorded(recs, "pprof-inlining", { bytes: 4000 })?.experiment.result.helperNamed, true);
});

test("temporary and partial files are never read, and 1.2 is not 1.26", () => {
  const dir = tempDir();
  writeExperiments(path.join(dir, "go1.26.8.jsonl"), PROVENANCE, [PPROF]);
  for (const name of [".go1.26.8.jsonl.1234.tmp", "go1.26.8.jsonl.1234.tmp", "go1.26.8.jsonl.partial", "go1.26.8.json", "go1.26.8.jsonl~"]) {
    fs.writeFileSync(path.join(dir, name), "{half a line");
  }
  assert.deepEqual(recordedExperiments("1.26", dir).map((r) => path.basename(r.file)), ["go1.26.8.jsonl"]);
  assert.deepEqual(recordedExperiments("1.2", dir), []);
  assert.deepEqual(recordedExperiments("1.26", path.join(dir, "absent")), []);
});

/** The DatasetError of reading `file`, with its line. */
function errorOf(file: string): DatasetError {
  try {
    readExperiments(file);
  } catch (e) {
    assert.ok(e instanceof DatasetError, String(e));
    return e;
  }
  assert.fail("the file was accepted");
}

test("a bad field is reported as file:line with the experiment and the field", () => {
  const e = errorOf(withLines((l) => ((l[1].result as Record<string, unknown>[])[0].nsPerOp = "fast")));
  assert.equal(e.line, 2);
  assert.match(e.message, /go1\.26\.8\.jsonl:2: gc-latency: result\[0\]\.nsPerOp must be a non-negative number/);
  const f = errorOf(withLines((l) => ((l[2].result as Record<string, unknown>).frames = [1])));
  assert.match(f.message, /:3: pprof-inlining: result\.frames must be text/);
  const g = errorOf(withLines((l) => ((l[1].result as Record<string, unknown>[])[0].case = { op: "makeslice", elem: "int(", len: 1 })));
  assert.match(g.message, /:2: gc-latency: result\[0\]\.case is not a valid case/);
});

test("the provenance, line kinds, names, results of another Go, and duplicates are checked", () => {
  assert.match(errorOf(withLines((l) => delete l[0].cpu)).message, /:1: provenance lacks cpu/);
  assert.match(errorOf(withLines((l) => (l[0].recorder = "by hand"))).message, /:1: recorded by "by hand", not by golab record/);
  assert.match(errorOf(withLines((l) => (l[0].kind = "experiment"))).message, /:1: the first line must be the provenance/);
  assert.match(errorOf(withLines((l) => (l[2].name = "guess"))).message, /:3: unknown experiment "guess"/);
  assert.match(errorOf(withLines((l) => ((l[2].result as Record<string, unknown>).go = "1.19.8"))).message, /:3: pprof-inlining: result\.go is "1\.19\.8" in a recording of Go 1\.26\.8/);
  assert.match(errorOf(withLines((l) => l.push(l[2]))).message, /:4: pprof-inlining with these inputs is recorded twice/);
  assert.match(errorOf(withLines((l) => delete l[1].result)).message, /:2: no result/);
});

test("a line that is not JSON is refused with its line number", () => {
  const file = withLines(() => undefined);
  fs.appendFileSync(file, "{not json\n");
  assert.match(errorOf(file).message, /:4: not JSON/);
});

test("a line of terminal control bytes is named in one line, none of its bytes raw", () => {
  const file = withLines(() => undefined);
  fs.appendFileSync(file, "\x1b]0;title\x07\x1b[2J{\n");
  const m = errorOf(file).message;
  assert.match(m, /:4: not JSON/);
  assert.doesNotMatch(m, /[\x00-\x1f\x7f-\x9f\u2028\u2029]/, "no control character raw");
  assert.match(m, /\\u001b\]0;title\\u0007/, "the bytes shown escaped");
});
