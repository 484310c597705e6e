/**
 * HTML export of an executed notebook with nbconvert (why nbconvert and not an HTML writer of
 * golab's own: README.md in this folder). Execution is always golab's runner; nbconvert only
 * converts the notebook it wrote.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError } from "../errors";
import { makeDirs, moveIntoPlace } from "../output";
import { jupyterMessages } from "../messages";
import { runProcess } from "../proc";
import { pythonOf, SKIP_SLOW_IMPORTS } from "./launch";
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

/** nbconvert's application, run by the Python of the jupyter command without its slow imports. */
const NBCONVERT = [SKIP_SLOW_IMPORTS, "sys.argv = ['jupyter-nbconvert'] + sys.argv[1:]", "from nbconvert.nbconvertapp import main", "main()"].join("\n");

/** nbconvert's arguments for golab's pages, before the output and input names. */
function nbconvertArgs({ removeInputTag, removeCellTag }: ExportHtmlOptions): string[] {
  return [
    "--to", "html", "--log-level=WARN",
    `--TemplateExporter.extra_template_basedirs=${OFFLINE_TEMPLATE_DIR}`, "--template=golab-offline",
    ...(removeInputTag || removeCellTag ? ["--TagRemovePreprocessor.enabled=True"] : []),
    ...(removeInputTag ? [`--TagRemovePreprocessor.remove_input_tags=${removeInputTag}`] : []),
    ...(removeCellTag ? [`--TagRemovePreprocessor.remove_cell_tags=${removeCellTag}`] : []),
  ];
}

async function nbconvert(args: string[], { timeoutMs = 120_000, env = process.env }: ExportHtmlOptions): Promise<void> {
  const { jupyter } = findJupyter({ env });
  const r = await runProcess(pythonOf(jupyter), ["-c", NBCONVERT, ...args], { timeoutMs, env, check: false });
  if (r.exitCode !== 0) {
    const last = r.stderr.trim().split("\n").slice(-1)[0] ?? `exit status ${r.exitCode}`;
    throw new GolabError(jupyterMessages.exportFailed(last));
  }
}

/**
 * Runs nbconvert with its output in a fresh folder inside `outDir`, then moves each page into
 * place: a full disk or a failed conversion never leaves half a page where a whole one was.
 */
async function nbconvertInto(outDir: string, inputs: readonly string[], pages: readonly string[], options: ExportHtmlOptions): Promise<string[]> {
  const dir = path.resolve(outDir);
  makeDirs(dir);
  const staging = path.join(dir, `.golab-pages-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    makeDirs(staging);
    await nbconvert([...nbconvertArgs(options), `--output-dir=${staging}`, ...inputs], options);
    return pages.map((page) => {
      moveIntoPlace(path.join(staging, page), path.join(dir, page));
      return path.join(dir, page);
    });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Converts an executed notebook to a standalone HTML file (JupyterLab's look, no JavaScript needed, no network). */
export async function exportHtml(notebookFile: string, htmlFile: string, options: ExportHtmlOptions = {}): Promise<string> {
  const out = path.resolve(htmlFile);
  const base = path.basename(out).replace(/\.html$/i, "");
  // A path that starts with "-" must not read as an option: every path is absolute.
  const [page] = await nbconvertInto(path.dirname(out), [`--output=${base}`, path.resolve(notebookFile)], [`${base}.html`], options);
  return page;
}

/**
 * Converts several notebooks in one nbconvert process (Python and nbconvert start once, not once
 * a page): each `name.ipynb` becomes `outDir/name.html`. Returns the pages' paths.
 */
export async function exportHtmlPages(notebookFiles: readonly string[], outDir: string, options: ExportHtmlOptions = {}): Promise<string[]> {
  const pages = notebookFiles.map((f) => `${path.basename(f, ".ipynb")}.html`);
  return nbconvertInto(outDir, notebookFiles.map((f) => path.resolve(f)), pages, { timeoutMs: 300_000, ...options });
}
