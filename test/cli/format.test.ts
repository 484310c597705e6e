/**
 * The measure command's outputs, from the recorded datasets (real runs, with provenance): the
 * text table with versions as columns and readable sizes, and the Go benchmark format read back
 * by the format's documented rules (go.dev/design/14313-benchmark-format).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { benchmarkName, formatBenchfmt } from "../../kernel-helpers/cli/benchfmt";
import { formatMeasureTable } from "../../kernel-helpers/cli/format";
import { MeasureResult } from "../../kernel-helpers/measure";
import { matrixNamed, recordedDatasets } from "../../kernel-helpers/record";
import { Observation } from "../../kernel-helpers/store/observation";
import { formatBytes } from "../../kernel-helpers/bytes";

const VERSIONS = ["1.19", "1.26", "1.27"];
const SOME = 12;

/**
 * Some cases of each version's optimized dataset (the first ones, and the first hash-dependent
 * ones on 1.19), the same cases in the same order for every version, as recorded observations.
 */
function recorded(): Observation<MeasureResult>[] {
  const datasets = VERSIONS.map((v) => recordedDatasets(v).find((x) => !x.provenance.debug && x.provenance.matrix === matrixNamed("validation").name)!);
  const random = datasets[0].results.flatMap((r, i) => (r.distribution ? [i] : [])).slice(0, 4);
  const picked = [...Array.from({ length: SOME }, (_, i) => i), ...random];
  return datasets.flatMap((d) => {
    assert.deepEqual(picked.map((i) => d.results[i].case), picked.map((i) => datasets[0].results[i].case), "the same matrix");
    return picked.map((i) => d.results[i]).map((result) => ({
      experiment: { case: result.case, debug: false },
      toolchain: { go: result.go, goarch: result.goarch, goexperiment: result.build.goexperiment },
      source: { kind: "recorded" as const, file: d.file, at: d.provenance.date },
      result,
    }));
  });
}

/** A benchmark-format file read by the spec's rules: configuration lines, and result lines of name, iterations, value-unit pairs. */
function readBenchfmt(text: string): { config: Record<string, string>; name: string; iterations: number; values: Record<string, number> }[] {
  const config: Record<string, string> = {};
  const results = [];
  for (const line of text.split("\n")) {
    const kv = /^([^\s:A-Z][^\s:A-Z]*):(?:[ \t]+(.*))?$/u.exec(line);
    if (kv && /^\p{Ll}/u.test(kv[1])) {
      if (kv[2]) config[kv[1]] = kv[2];
      else delete config[kv[1]];
      continue;
    }
    if (!line.startsWith("Benchmark")) continue; // any other line is ignored by readers
    const fields = line.split(/\s+/).filter(Boolean);
    assert.ok(fields.length >= 4 && fields.length % 2 === 0, `an even number of fields, at least four: ${line}`);
    assert.match(fields[0], /^Benchmark(\p{Lu}|$)/u, "the name: Benchmark, then an upper-case letter");
    assert.match(fields[1], /^[0-9]+$/, "the iteration count");
    const values: Record<string, number> = {};
    for (let i = 2; i < fields.length; i += 2) {
      assert.ok(Number.isFinite(Number(fields[i])), `a number: ${fields[i]}`);
      values[fields[i + 1]] = Number(fields[i]);
    }
    results.push({ config: { ...config }, name: fields[0], iterations: Number(fields[1]), values });
  }
  return results;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

test("benchfmt: one line per recorded call, read back to each case's mallocs and bytes, under its Go version", () => {
  const observations = recorded();
  const lines = readBenchfmt(formatBenchfmt(observations));
  assert.equal(lines.length, observations.reduce((n, o) => n + o.result.runs, 0));
  assert.equal(lines[0].config.goos, "linux");
  assert.equal(lines[0].config.goarch, observations[0].result.goarch);
  for (const { result: r } of observations) {
    const mine = lines.filter((l) => l.name === benchmarkName(r.case) && l.config.go === r.go);
    assert.equal(mine.length, r.runs, `${describeCase(r.case)} on ${r.go}`);
    assert.equal(median(mine.map((l) => l.values["allocs/op"])), r.mallocs);
    assert.equal(median(mine.map((l) => l.values["B/op"])), r.allocatedBytes);
    if (r.distribution) assert.deepEqual(mine.map((l) => l.values["allocs/op"]), r.distribution.values);
  }
  assert.ok(observations.some((o) => o.result.distribution), "a hash-dependent case among them");
});

test("benchmark names have no spaces and keep the case's short form", () => {
  const c = parseCase("insert(make(map[string]*int, 8), 100) [new value each]");
  assert.equal(benchmarkName(c), "BenchmarkAlloc/insert(make(map[string]*int,_8),_100)_[new_value_each]");
});

test("text: one table per metric with the Go versions as columns, sizes in KiB", () => {
  const observations = recorded();
  const text = formatMeasureTable(observations);
  const versions = [...new Set(observations.map((o) => o.result.go))];
  assert.equal(versions.length, 3);
  assert.ok(text.startsWith(`Go ${versions.join(", ")} linux/`), text.split("\n")[0]);
  for (const metric of ["mallocs", "allocated", "tiny", "escape (compiler -m)", "source"]) {
    assert.match(text, new RegExp(`\\n${metric.replace(/[()]/g, "\\$&")} +Go ${versions.map((v) => v.replace(/\./g, "\\.")).join(" +Go ")}\\n`), metric);
  }
  const allocated = text.slice(text.indexOf("\nallocated "), text.indexOf("\ntiny "));
  for (const o of observations.filter((x) => !x.result.bytesDistribution)) {
    const row = allocated.split("\n").find((l) => l.startsWith(`${describeCase(o.result.case)}  `))!;
    assert.ok(row.includes(formatBytes(o.result.allocatedBytes)), `${row} shows ${formatBytes(o.result.allocatedBytes)}`);
  }
  assert.doesNotMatch(text, /\d{5,} B\b/, "no byte count of five digits or more");
});

test("formatBytes: B below 1 KiB, then KiB, MiB, GiB", () => {
  assert.equal(formatBytes(1023), "1023 B");
  assert.equal(formatBytes(1600000000000), "1,490 GiB");
  assert.equal(formatBytes(3 * 2 ** 30), "3 GiB");
});
