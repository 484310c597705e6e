/**
 * HTML export of an executed notebook with nbconvert (why nbconvert and not an HTML writer of
 * golab's own: README.md in this folder). Execution is always golab's runner; nbconvert only
 * converts the notebook it wrote.
 */
import * as path from "node:path";
import { GolabError } from "../errors";
import { jupyterMessages } from "../messages";
import { runProcess } from "../proc";
import { findJupyter } from "./paths";

/**
 * The template: nbconvert's "lab" look without its CDN scripts (templates/golab-offline). It lives
 * beside the sources, not in dist/, since tsc copies no non-TypeScript files.
 */
export const OFFLINE_TEMPLATE_DIR = path.resolve(__dirname, "..", "..", "..", "kernel-helpers", "jupyter", "templates");

export interface ExportHtmlOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Cells with this tag lose their code on the page (nbconvert's TagRemovePreprocessor). */
  removeInputTag?: string;
  /** Cells with this tag are left out of the page. */
  removeCellTag?: string;
}

/** Converts an executed notebook to a standalone HTML file (JupyterLab's look, no JavaScript needed, no network). */
export async function exportHtml(notebookFile: string, htmlFile: string, { timeoutMs = 120_000, env = process.env, removeInputTag, removeCellTag }: ExportHtmlOptions = {}): Promise<string> {
  const { jupyter } = findJupyter({ env });
  const out = path.resolve(htmlFile);
  const base = path.basename(out).replace(/\.html$/i, "");
  const r = await runProcess(jupyter, [
    "nbconvert", "--to", "html", "--log-level=WARN",
    `--TemplateExporter.extra_template_basedirs=${OFFLINE_TEMPLATE_DIR}`, "--template=golab-offline",
    `--output-dir=${path.dirname(out)}`, `--output=${base}`,
    ...(removeInputTag || removeCellTag ? ["--TagRemovePreprocessor.enabled=True"] : []),
    ...(removeInputTag ? [`--TagRemovePreprocessor.remove_input_tags=${removeInputTag}`] : []),
    ...(removeCellTag ? [`--TagRemovePreprocessor.remove_cell_tags=${removeCellTag}`] : []),
    // A path that starts with "-" must not read as an option.
    path.resolve(notebookFile),
  ], { timeoutMs, env, check: false });
  if (r.exitCode !== 0) {
    const last = r.stderr.trim().split("\n").slice(-1)[0] ?? `exit status ${r.exitCode}`;
    throw new GolabError(jupyterMessages.exportFailed(last));
  }
  return path.join(path.dirname(out), `${base}.html`);
}
