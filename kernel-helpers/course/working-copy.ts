/**
 * Working copies of the chapters for `golab lab`: JupyterLab saves (and autosaves) the notebooks
 * it opens, so it opens copies in notebooks-work/ (gitignored) and the committed course, which
 * the export builds from, is never rewritten. The folder sits beside notebooks/ so that the
 * notebooks' `import ... from "../dist/kernel-helpers"` still resolves.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { makeDirs } from "../output";
import { chapters, notebooksDir } from "./chapters";

/** Where `golab lab` keeps the working copies: notebooks-work/ beside notebooks/. */
export function workingCopyDir(from = notebooksDir()): string {
  return path.join(path.dirname(from), "notebooks-work");
}

/**
 * Copies every chapter notebook that has no working copy yet (a copy the reader changed is kept).
 * Returns the folder and the names copied now.
 */
export function ensureWorkingCopies(from = notebooksDir(), to = workingCopyDir(from)): { dir: string; copied: string[] } {
  makeDirs(to);
  const copied: string[] = [];
  for (const c of chapters(from)) {
    const target = path.join(to, path.basename(c.file));
    if (fs.existsSync(target)) continue;
    fs.copyFileSync(c.file, target);
    copied.push(path.basename(c.file));
  }
  return { dir: to, copied };
}
