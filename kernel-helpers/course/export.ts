/**
 * exportCourse: runs every chapter notebook headless through the real tslab kernel (one Jupyter
 * server for all), then writes one HTML page per chapter (nbconvert, from the executed notebook)
 * and an index. Charts reach the HTML as static SVG inside text/html (see display/show.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError } from "../errors";
import {
  describeFailure, exportHtml, parametersCellIndex, ParameterValue, parseParameters, readNotebook, runNotebook, sourceOf, startJupyterServer,
} from "../jupyter";
import { chapters } from "./chapters";
import { ChapterPage, indexPage } from "./index-page";

export interface ExportOptions {
  /** Folder for index.html and the chapter pages. */
  outDir: string;
  /** Parameter overrides applied to every chapter that declares them (e.g. { live: false }). */
  parameters?: Record<string, ParameterValue>;
  /** Parameter values are command-line text. */
  rawParameters?: boolean;
  /** Only these chapters ("ch1", ...); default all. */
  only?: readonly string[];
  cellTimeoutMs?: number;
  onProgress?: (message: string) => void;
}

export interface ExportResult {
  outDir: string;
  index: string;
  pages: ChapterPage[];
  seconds: number;
}

export async function exportCourse({ outDir, parameters = {}, rawParameters = false, only, cellTimeoutMs = 600_000, onProgress }: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const list = chapters().filter((c) => !only || only.includes(c.name));
  if (list.length === 0) throw new GolabError(`no chapter notebook matches ${JSON.stringify(only)}`);
  fs.mkdirSync(outDir, { recursive: true });
  const executedDir = path.join(outDir, "executed");
  fs.mkdirSync(executedDir, { recursive: true });
  onProgress?.("starting Jupyter");
  const server = await startJupyterServer({ rootDir: path.dirname(list[0].file) });
  const pages: ChapterPage[] = new Array(list.length);
  const runChapter = async (c: (typeof list)[number], at: number) => {
    const declared = declaredParameters(c.file);
    const mine = Object.fromEntries(Object.entries(parameters).filter(([k]) => declared.has(k)));
    onProgress?.(`running ${c.name}: ${c.title}`);
    const executed = path.join(executedDir, `${c.name}.ipynb`);
    let done = 0;
    const run = await runNotebook(c.file, {
      server, parameters: mine, rawParameters, cellTimeoutMs, out: executed,
      onCell: ({ phase, cell, total }) => phase === "end" && onProgress?.(`${c.name}: code cell ${++done} of ${total} ${cell.status}`),
    });
    for (const f of run.failed) onProgress?.(`${c.name}: ${describeFailure(f)}`);
    const html = `${c.name}.html`;
    await exportHtml(executed, path.join(outDir, html));
    pages[at] = { name: c.name, title: c.title, html, seconds: run.timings.totalMs / 1000, failed: run.failed.length };
  };
  try {
    // One chapter at a time: two tslab kernels running at once on one server died mid-cell (seen
    // 3 times in 3 simulator-only exports), and the GC benchmarks time the runtime besides.
    for (const [at, c] of list.entries()) await runChapter(c, at);
  } finally {
    await server.stop();
  }
  const index = path.join(outDir, "index.html");
  fs.writeFileSync(index, indexPage(pages, { date: new Date().toISOString().slice(0, 10), parameters }));
  return { outDir, index, pages, seconds: (Date.now() - started) / 1000 };
}

/** The names a notebook's parameters cell declares (so a chapter only gets the overrides it has). */
function declaredParameters(file: string): Set<string> {
  const nb = readNotebook(file);
  const i = parametersCellIndex(nb);
  return new Set(i < 0 ? [] : parseParameters(sourceOf(nb.cells[i])).map((p) => p.name));
}
