/**
 * The committed notebooks are generated from notebooks/src/chN.ts (jupytext percent format): each
 * must hold the same cells, in the same order, as its source converts to, and carry no outputs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { runProcess } from "../../kernel-helpers/proc";

const root = path.resolve(__dirname, "..", "..", "..");
const jupytext = path.join(root, ".venv", "bin", "jupytext");

interface Cell { cell_type: string; source: string | string[]; metadata?: { tags?: string[] }; outputs?: unknown[] }

const shape = (cells: Cell[]) => cells.map((c) => ({
  type: c.cell_type,
  source: Array.isArray(c.source) ? c.source.join("") : c.source,
  tags: c.metadata?.tags ?? [],
}));

const chapters = fs.readdirSync(path.join(root, "notebooks", "src")).filter((f) => /^ch\d+\.ts$/.test(f)).sort();

test("there are six chapters", () => {
  assert.deepEqual(chapters, ["ch1.ts", "ch2.ts", "ch3.ts", "ch4.ts", "ch5.ts", "ch6.ts"]);
});

for (const src of chapters) {
  test(`${src} and its notebook hold the same cells, with no outputs, on the tslab kernel`, async () => {
    const { stdout } = await runProcess(jupytext, ["--to", "ipynb", "--set-kernel", "tslab", "-o", "-", path.join(root, "notebooks", "src", src)], { timeoutMs: 60_000 });
    const expected = JSON.parse(stdout) as { cells: Cell[] };
    const committed = JSON.parse(fs.readFileSync(path.join(root, "notebooks", src.replace(/\.ts$/, ".ipynb")), "utf8")) as { cells: Cell[]; metadata: { kernelspec: { name: string } } };
    assert.deepEqual(shape(committed.cells), shape(expected.cells), `regenerate: jupytext --to ipynb --set-kernel tslab notebooks/src/${src} -o notebooks/${src.replace(/\.ts$/, ".ipynb")}`);
    assert.equal(committed.metadata.kernelspec.name, "tslab");
    assert.ok(committed.cells.every((c) => !c.outputs || c.outputs.length === 0), "committed notebooks carry no outputs");
    assert.equal(committed.cells.filter((c) => c.metadata?.tags?.includes("parameters")).length, 1, "one parameters cell");
  });
}
