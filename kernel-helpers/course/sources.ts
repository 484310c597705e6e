/**
 * The course's sources: notebooks/src/chN.ts (jupytext percent format) is what people edit, and
 * notebooks/chN.ipynb is generated from it. The export builds from the committed notebooks, and
 * warns when one no longer holds what its source converts to (an edit that was not regenerated,
 * or JupyterLab's autosave writing into the course).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { findJupyter, Notebook, readNotebook, sourceOf } from "../jupyter";
import { pythonOf, SKIP_SLOW_IMPORTS } from "../jupyter/launch";
import { runProcess } from "../proc";
import { Chapter } from "./chapters";

/** A cell as the comparison sees it: type, text and tags (ids and outputs do not count). */
function shape(nb: Notebook): string {
  return JSON.stringify(nb.cells.map((c) => [c.cell_type, sourceOf(c), Array.isArray(c.metadata?.tags) ? c.metadata.tags : []]));
}

/** The Python of golab's jupyter when jupytext is installed beside it, or undefined. */
export function findJupytextPython(): string | undefined {
  try {
    const { jupyter } = findJupyter();
    return fs.existsSync(path.join(path.dirname(jupyter), "jupytext")) ? pythonOf(jupyter) : undefined;
  } catch {
    return undefined;
  }
}

/** The source file of a chapter notebook: notebooks/src/chN.ts. */
export function sourceFileOf(c: Chapter): string {
  return path.join(path.dirname(c.file), "src", `${c.name}.ts`);
}

/**
 * Each source's cells as jupytext reads them, in one Python process for all of them (a jupytext
 * command per chapter started five Pythons, and slowed the export that runs beside it).
 */
const READ_SOURCES = `
${SKIP_SLOW_IMPORTS}
import json, jupytext
out = {}
for f in sys.argv[1:]:
    nb = jupytext.read(f)
    out[f] = [[c.cell_type, c.source, list(c.metadata.get("tags", []))] for c in nb.cells]
print(json.dumps(out))
`;

/** The chapters whose notebook differs from its source (chapters without a source are not checked). */
export async function chaptersOffSource(list: readonly Chapter[], python: string): Promise<Chapter[]> {
  const checked = list.filter((c) => fs.existsSync(sourceFileOf(c)));
  if (checked.length === 0) return [];
  const { stdout } = await runProcess(python, ["-c", READ_SOURCES, ...checked.map(sourceFileOf)], { timeoutMs: 60_000 });
  const converted = JSON.parse(stdout) as Record<string, unknown>;
  return checked.filter((c) => JSON.stringify(converted[sourceFileOf(c)]) !== shape(readNotebook(c.file)));
}
