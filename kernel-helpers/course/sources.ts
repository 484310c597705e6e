/**
 * The course's sources: notebooks/src/chN.ts (jupytext percent format) is what people edit, and
 * notebooks/chN.ipynb is generated from it. The export builds from the committed notebooks, and
 * warns when one no longer holds what its source converts to (an edit that was not regenerated,
 * or JupyterLab's autosave writing into the course).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { findJupyter, Notebook, readNotebook, sourceOf } from "../jupyter";
import { runProcess } from "../proc";
import { Chapter } from "./chapters";

/** A cell as the comparison sees it: type, text and tags (ids and outputs do not count). */
function shape(nb: Notebook): string {
  return JSON.stringify(nb.cells.map((c) => [c.cell_type, sourceOf(c), Array.isArray(c.metadata?.tags) ? c.metadata.tags : []]));
}

/** The jupytext beside golab's jupyter, or undefined when there is none. */
export function findJupytext(): string | undefined {
  try {
    const beside = path.join(path.dirname(findJupyter().jupyter), "jupytext");
    return fs.existsSync(beside) ? beside : undefined;
  } catch {
    return undefined;
  }
}

/** The source file of a chapter notebook: notebooks/src/chN.ts. */
export function sourceFileOf(c: Chapter): string {
  return path.join(path.dirname(c.file), "src", `${c.name}.ts`);
}

/** Whether a chapter's notebook holds the cells its source converts to. */
export async function matchesSource(c: Chapter, jupytext: string): Promise<boolean> {
  const { stdout } = await runProcess(jupytext, ["--to", "ipynb", "--set-kernel", "tslab", "-o", "-", sourceFileOf(c)], { timeoutMs: 60_000 });
  return shape(JSON.parse(stdout) as Notebook) === shape(readNotebook(c.file));
}

/** The chapters whose notebook differs from its source (chapters without a source are not checked). */
export async function chaptersOffSource(list: readonly Chapter[], jupytext: string): Promise<Chapter[]> {
  const checked = list.filter((c) => fs.existsSync(sourceFileOf(c)));
  const same = await Promise.all(checked.map((c) => matchesSource(c, jupytext)));
  return checked.filter((_, i) => !same[i]);
}
