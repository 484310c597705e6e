/**
 * Without Go, a recording made with other sizes still answers for the programs that did not
 * change, and only for those (made-up recordings, clearly not Go's).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeExperiment, OwnCodeRow, ownSnippet } from "../../kernel-helpers/experiments";
import { recordedSamePrograms } from "../../kernel-helpers/owncode/recorded-programs";
import { ExperimentsRecording } from "../../kernel-helpers/record";

const program = (n: number, name: string) => ownSnippet(`var sink []int\n\nfunc probe() {\n\tsink = make([]int, ${n})\n}\n`, {}, name, "7.1");
const row = (name: string, mallocs: number): OwnCodeRow => ({ go: "7.1.0", lesson: "7.1", name, mallocs, allocatedBytes: 8 * mallocs, tinyAllocs: 0, traced: mallocs, escape: [], lines: [] });

function recordingOf(recordedPrograms: ReturnType<typeof program>[], rows: OwnCodeRow[], runs?: number): ExperimentsRecording {
  const x = codeExperiment(recordedPrograms);
  return {
    file: "/data/experiments/go7.1.0.jsonl",
    provenance: { go: "7.1.0", goarch: "amd64", goexperiment: "" } as ExperimentsRecording["provenance"],
    experiments: [{ kind: "experiment", name: "own-code", inputs: { ...x.inputs, ...(runs === undefined ? {} : { runs }) }, flags: x.flags, at: "2030-01-02T03:04:05Z", seconds: 1, result: rows }],
  };
}

test("a changed program loses its recorded row; the unchanged one keeps it, labelled recorded", () => {
  const recording = recordingOf([program(3, "a.go"), program(5, "b.go")], [row("a.go", 1), row("b.go", 2)]);
  const o = recordedSamePrograms("7.1", codeExperiment([program(3, "a.go"), program(6, "b.go")]), [recording]);
  assert.deepEqual(o?.result?.map((r) => r.name), ["a.go"]);
  assert.deepEqual(o?.source, { kind: "recorded", file: "/data/experiments/go7.1.0.jsonl", at: "2030-01-02T03:04:05Z" });
});

test("nothing when no program is the same, or the recording ran another number of calls", () => {
  const recording = recordingOf([program(3, "a.go")], [row("a.go", 1)]);
  assert.equal(recordedSamePrograms("7.1", codeExperiment([program(4, "a.go")]), [recording]), undefined);
  assert.equal(recordedSamePrograms("7.1", codeExperiment([program(3, "a.go")]), [recordingOf([program(3, "a.go")], [row("a.go", 1)], 999)]), undefined);
});
