/**
 * Changing a parameter changes the numbers, charts and verdicts consistently, through a real
 * kernel: chapter 1 run with the map hint at 1000 and at 5000, measuring on every installed Go.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { notebooksDir } from "../../kernel-helpers/course";
import { runNotebook, startJupyterServer, NotebookRun } from "../../kernel-helpers/jupyter";

const VEGA = "application/vnd.vegalite.v5+json";

function outputs(run: NotebookRun): { text: string; specs: { data: { values: Record<string, unknown>[] } }[] } {
  const all = run.notebook.cells.flatMap((c) => (c.outputs as { data?: Record<string, unknown> }[] | undefined) ?? []);
  const text = all.map((o) => [o.data?.["text/plain"], o.data?.["text/markdown"]].flat().filter(Boolean).join("")).join("\n");
  const specs = all.flatMap((o) => (o.data?.[VEGA] ? [o.data[VEGA] as { data: { values: Record<string, unknown>[] } }] : []));
  return { text, specs };
}

test("the map hint flows into the table, the chart and the verdict of chapter 1", { timeout: 300_000 }, async () => {
  const server = await startJupyterServer({ rootDir: notebooksDir() });
  try {
    const run = (hint: number) => runNotebook(path.join(notebooksDir(), "ch1.ipynb"), { server, parameters: { hint } });
    const [a, b] = [outputs(await run(1000)), outputs(await run(5000))];
    for (const [o, hint] of [[a, 1000], [b, 5000]] as const) {
      assert.match(o.text, new RegExp(`make\\(map\\[int\\]int, ${hint}\\) \\[discard\\]`), `table for hint ${hint}`);
      const programs = o.specs.flatMap((s) => s.data.values.map((v) => String(v.program)));
      assert.ok(programs.some((p) => p.includes(`make(map[int]int, ${hint})`)), `chart for hint ${hint}`);
      assert.match(o.text, /\*\*1\.1: [^*]+\.\*\*/, "verdict 1.1 shown");
    }
    // Lesson 1.1's table: one row per program and build, a column per Go version ("2 mallocs, 40 KiB").
    const table = /make\(map\[int\]int, 5000\): mallocs and bytes taken[^\n]*\n(\|[^\n]*\n)+/.exec(b.text)?.[0] ?? "";
    assert.doesNotMatch(table, /make\(map\[int\]int, 1000\)/, "no table row of the old hint is left");
    const lines = table.split("\n").filter((l) => l.startsWith("|")).map((l) => l.split("|").slice(1, -1));
    const row = lines.find((cells) => cells[0] === "make(map[int]int, 5000) [discard]" && cells[1] === "-N -l");
    assert.ok(row, "the table has the hint-5000 program built with -N -l");
    // The claim is decided at the article's hint (1000) and, beside it, at the reader's: for every
    // version, what it says at the reader's setting quotes the same count as the table's cell.
    const versions = lines[0].flatMap((h, i) => (/^Go \d/.test(h) ? [[h.slice(3), row[i]]] : []));
    assert.ok(versions.length > 0, "a column per Go version");
    for (const [go, cell] of versions) {
      const mallocs = /median (\d+)/.exec(cell)?.[1] ?? /^(\d+) malloc/.exec(cell)?.[1];
      const reason = new RegExp(`- Go ${go.replace(/\./g, "\\.")} \\([^)]*\\): [^\\n]*\\n(?:  - [^\\n]*\\n)*?  - at your setting \\(hint=5000\\): \\*\\*[^*]+\\*\\*\\.[^\\n]*?make\\(map\\[int\\]int, 5000\\) \\[discard\\], -N -l: (\\d+) malloc`).exec(b.text);
      assert.ok(reason, `verdict 1.1 on Go ${go} names the hint-5000 program`);
      assert.equal(reason[1], mallocs, `Go ${go}: the verdict and the table agree`);
    }
    assert.notEqual(a.text, b.text);
  } finally {
    await server.stop();
  }
});
