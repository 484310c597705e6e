/** The export warns when a committed notebook no longer holds what its source converts to. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chapters, chaptersOffSource, findJupytextPython } from "../../kernel-helpers/course";

test("a notebook edited apart from its source is found; the committed ones match", async () => {
  const python = findJupytextPython();
  assert.ok(python, "jupytext is installed beside golab's jupyter (scripts/setup.sh)");
  assert.deepEqual((await chaptersOffSource(chapters(), python)).map((c) => c.name), [], "the committed notebooks match their sources");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-sources-"));
  try {
    const ch3 = chapters().find((c) => c.name === "ch3")!;
    fs.mkdirSync(path.join(dir, "src"));
    fs.copyFileSync(path.join(path.dirname(ch3.file), "src", "ch3.ts"), path.join(dir, "src", "ch3.ts"));
    // What JupyterLab's autosave does after a reader changes a parameter: the notebook changes, its source does not.
    const nb = JSON.parse(fs.readFileSync(ch3.file, "utf8")) as { cells: { source: string | string[] }[] };
    const cell = nb.cells.find((c) => [c.source].flat().join("").includes("const maxN = "))!;
    cell.source = [cell.source].flat().join("").replace(/const maxN = \d+/, "const maxN = 4321");
    const edited = { ...ch3, file: path.join(dir, "ch3.ipynb") };
    fs.writeFileSync(edited.file, JSON.stringify(nb));
    assert.deepEqual((await chaptersOffSource([edited], python)).map((c) => c.name), ["ch3"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
