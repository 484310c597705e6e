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

/** nbconvert's arguments for golab's pages, before the output and input names. */
function nbconvertArgs({ removeInputTag, removeCellTag }: ExportHtmlOptions): string[] {
  return [
    "nbconvert", "--to", "html", "--log-level=WARN",
    `--TemplateExporter.extra_template_basedirs=${OFFLINE_TEMPLATE_DIR}`, "--template=golab-offline",
    ...(removeInputTag || removeCellTag ? ["--TagRemovePreprocessor.enabled=True"] : []),
    ...(removeInputTag ? [`--TagRemovePreprocessor.remove_input_tags=${removeInputTag}`] : []),
    ...(removeCellTag ? [`--TagRemovePreprocessor.remove_cell_tags=${removeCellTag}`] : []),
  ];
}

async function nbconvert(args: string[], { timeoutMs = 120_000, env = process.env }: ExportHtmlOptions): Promise<void> {
  const { jupyter } = findJupyter({ env });
  const r = await runProcess(jupyter, args, { timeoutMs, env, check: false });
  if (r.exitCode !== 0) {
    const last = r.stderr.trim().split("\n").slice(-1)[0] ?? `exit status ${r.exitCode}`;
    throw new GolabError(jupyterMessages.exportFailed(last));
  }
}

/** Converts an executed notebook to a standalone HTML file (JupyterLab's look, no JavaScript needed, no network). */
export async function exportHtml(notebookFile: string, htmlFile: string, options: ExportHtmlOptions = {}): Promise<string> {
  const out = path.resolve(htmlFile);
  const base = path.basename(out).replace(/\.html$/i, "");
  // A path that starts with "-" must not read as an option: every path is absolute.
  await nbconvert([...nbconvertArgs(options), `--output-dir=${path.dirname(out)}`, `--output=${base}`, path.resolve(notebookFile)], options);
  return path.join(path.dirname(out), `${base}.html`);
}

/**
 * Converts several notebooks in one nbconvert process (Python and nbconvert start once, not once
 * a page): each `name.ipynb` becomes `outDir/name.html`. Returns the pages' paths.
 */
export async function exportHtmlPages(notebookFiles: readonly string[], outDir: string, options: ExportHtmlOptions = {}): Promise<string[]> {
  await nbconvert([...nbconvertArgs(options), `--output-dir=${path.resolve(outDir)}`, ...notebookFiles.map((f) => path.resolve(f))], { timeoutMs: 300_000, ...options });
  return notebookFiles.map((f) => path.join(path.resolve(outDir), `${path.basename(f, ".ipynb")}.html`));
}
