/**
 * Chapter 6's numbers hold: on every installed Go, each program's measured count equals its
 * traced count and testing.AllocsPerRun's (in a program of the test's own), every traced
 * allocation is on a line of the program, and the committed recording of that version says the
 * same as the fresh run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ownCodeExperiment, ownCodeSnippets, OwnCodeRow } from "../../kernel-helpers/experiments";
import { findRecorded, recordedExperiments } from "../../kernel-helpers/record";
import { allocsPerRun } from "../code/allocs-per-run";
import { installedToolchains } from "../helpers/go";

test("chapter 6's programs: measure = trace = AllocsPerRun on every installed Go, and the recording agrees", { timeout: 600_000 }, async () => {
  const toolchains = await installedToolchains();
  assert.ok(toolchains.length > 0, "no Go installed at all");
  const snippets = ownCodeSnippets();
  const x = ownCodeExperiment();
  for (const { spec, tc } of toolchains) {
    const rows = (await x.run(spec)) as OwnCodeRow[];
    const expected = await allocsPerRun(tc, snippets.map((s) => ({ name: s.name, source: s.case.source })));
    process.stdout.write(`# Go ${tc.version}: ${rows.map((r) => `${r.name} ${r.mallocs}`).join(", ")}\n`);
    rows.forEach((r, i) => {
      const what = `${r.name} on Go ${tc.version}`;
      assert.equal(r.mallocs, expected[i], `${what}: measure against AllocsPerRun`);
      assert.equal(r.traced, r.mallocs, `${what}: trace against measure`);
      assert.equal(r.lines.reduce((n, l) => n + l.mallocs, 0), r.traced, `${what}: every traced allocation is on a line of the program`);
      const lines = snippets[i].case.source.split("\n");
      for (const l of r.lines) assert.ok(lines[l.line - 1]?.trim(), `${what}: line ${l.line} is a line of the program`);
    });
    const recorded = findRecorded(recordedExperiments(spec), x.name, x.inputs)?.experiment.result as OwnCodeRow[] | undefined;
    assert.ok(recorded, `Go ${spec}: recorded`);
    const counts = (rs: OwnCodeRow[]) => rs.map((r) => [r.name, r.mallocs, r.traced, r.allocatedBytes, r.lines.map((l) => [l.line, l.mallocs])]);
    assert.deepEqual(counts(recorded), counts(rows), `Go ${tc.version}: the recording says what a fresh run says`);
  }
});
