/**
 * exportCourse: runs every chapter notebook headless through the real tslab kernel (one Jupyter
 * server for all), then writes one HTML page per chapter (nbconvert, from the executed notebook
 * made ready by page.ts) and an index. Charts reach the HTML as static SVG images with alt text
 * (display/show.ts, templates/golab-offline).
 */
import * as path from "node:path";
import { GolabError, InputError } from "../errors";
import { jupyterMessages } from "../messages";
import {
  CellResult, describeFailure, exportHtmlPages, parametersCellIndex, ParameterValue, parseParameters, readNotebook, runNotebook, sourceOf, startJupyterServer, writeNotebook,
} from "../jupyter";
import { courseMessages } from "../messages";
import { checkOutputDir, makeDirs, writeFileAtomically } from "../output";
import { Chapter, chapters } from "./chapters";
import { ChapterPage, COURSE_TITLE, indexPage } from "./index-page";
import { preparePage, REMOVE_CELL_TAG, REMOVE_INPUT_TAG } from "./page";
import { mergeProvenance, provenanceIn } from "./provenance";
import { verdictsIn } from "./verdicts";
import type { VersionProvenance } from "../display";
import { chaptersOffSource, findJupytextPython } from "./sources";
import { makePageLive, PLAYGROUND_PAGE, writeLiveFiles } from "./live";

export interface ExportOptions {
  /** Folder for index.html and the chapter pages. */
  outDir: string;
  /** Parameter overrides applied to every chapter that declares them (e.g. { live: false }). */
  parameters?: Record<string, ParameterValue>;
  /** Parameter values are command-line text. */
  rawParameters?: boolean;
  /** Only these chapters ("ch1", ...); default all. */
  only?: readonly string[];
  /** Show every code cell on the pages (default: only cells tagged `show-code`). */
  showCode?: boolean;
  cellTimeoutMs?: number;
  onProgress?: (message: string) => void;
  /** One line per thing the reader of the export should know (a notebook that differs from its source). */
  onWarning?: (message: string) => void;
}

export interface ExportResult {
  outDir: string;
  index: string;
  pages: ChapterPage[];
  seconds: number;
  /** Per Go version, what the chapters' runs recorded: whether it ran, and its results by source. */
  versions: VersionProvenance[];
}

function slowestCell(cells: readonly CellResult[]): ChapterPage["slowestCell"] {
  const slowest = cells.reduce<CellResult | null>((a, c) => (a && a.durationMs >= c.durationMs ? a : c), null);
  return slowest ? { index: slowest.index, seconds: slowest.durationMs / 1000 } : null;
}

/** Warns about each chapter whose committed notebook differs from its notebooks/src source. */
async function warnOffSource(list: readonly Chapter[], onWarning: (m: string) => void): Promise<void> {
  const python = findJupytextPython();
  if (!python) return onWarning(courseMessages.sourceCheckFailed("jupytext is not installed beside jupyter"));
  try {
    for (const c of await chaptersOffSource(list, python)) onWarning(courseMessages.notebookDiffers(`notebooks/${c.name}.ipynb`, `notebooks/src/${c.name}.ts`));
  } catch (e) {
    onWarning(courseMessages.sourceCheckFailed((e as Error).message));
  }
}

export async function exportCourse({ outDir, parameters = {}, rawParameters = false, only, showCode = false, cellTimeoutMs = 600_000, onProgress, onWarning }: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const all = chapters();
  // A chapter name that is not one is the user's typo: refused (exit 2), not skipped.
  const unknown = (only ?? []).filter((name) => !all.some((c) => c.name === name));
  if (unknown.length > 0) throw new InputError(courseMessages.noChapter(unknown, all.map((c) => c.name)), unknown[0]);
  const list = all.filter((c) => !only || only.includes(c.name));
  if (list.length === 0) throw new GolabError(courseMessages.noChapter(only ?? [], all.map((c) => c.name)));
  // A name no chapter declares is a typo (`lve=false` would run live Go): refused, as `golab run` does.
  // Each chapter's parameters cell, read once: for the typo check here and the overrides below.
  const declaredBy = new Map(list.map((c) => [c.name, declaredParameters(c.file)]));
  const declared = [...new Set([...declaredBy.values()].flatMap((names) => [...names]))].sort();
  for (const name of Object.keys(parameters)) {
    if (!declared.includes(name)) throw new InputError(jupyterMessages.unknownParameter(name, declared), name);
  }
  // A folder that cannot be written is refused now, not after every chapter ran.
  checkOutputDir(outDir);
  // The source check (jupytext, a Python process per chapter) runs while the chapters do.
  const checked = onWarning ? warnOffSource(list, onWarning) : Promise.resolve();
  makeDirs(outDir);
  // golab-live.js (esbuild, a few seconds on a busy machine) and the playground, while the chapters run.
  const home = { href: "index.html", title: COURSE_TITLE };
  const live = writeLiveFiles(outDir, { index: home });
  live.catch(() => undefined); // awaited below; a failure then is the export's
  const executedDir = path.join(outDir, "executed");
  makeDirs(executedDir);
  onProgress?.("starting Jupyter");
  const server = await startJupyterServer({ rootDir: path.dirname(list[0].file) });
  const pages: ChapterPage[] = new Array(list.length);
  const executed = (c: Chapter) => path.join(executedDir, `${c.name}.ipynb`);
  const runChapter = async (c: Chapter, at: number) => {
    const mine = Object.fromEntries(Object.entries(parameters).filter(([k]) => declaredBy.get(c.name)!.has(k)));
    onProgress?.(`running ${c.name}: ${c.title}`);
    let done = 0;
    const run = await runNotebook(c.file, {
      server, parameters: mine, rawParameters, cellTimeoutMs, out: executed(c),
      onCell: ({ phase, cell, total }) => phase === "end" && onProgress?.(`${c.name}: code cell ${++done} of ${total} ${cell.status}`),
    });
    for (const f of run.failed) onProgress?.(`${c.name}: ${describeFailure(f)}`);
    pages[at] = { name: c.name, title: c.title, summary: c.summary, html: `${c.name}.html`, seconds: run.timings.totalMs / 1000, slowestCell: slowestCell(run.cells), failed: run.failed.length };
  };
  try {
    // Without live Go the chapters only compute: two kernels at once keep both cores busy. With
    // live Go, one at a time: the timing experiments (GC on and off, churn) must have the machine.
    const width = String(parameters.live) === "false" ? 2 : 1;
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(width, list.length) }, async () => {
      while (next < list.length) {
        const at = next++;
        await runChapter(list[at], at);
      }
    }));
  } finally {
    await server.stop();
  }
  // Pages are written once every chapter ran: each links its neighbours by their titles.
  const link = (p: ChapterPage | undefined) => (p ? { href: p.html, title: p.title } : undefined);
  const pagesDir = path.join(executedDir, "pages");
  makeDirs(pagesDir);
  // Each executed chapter read once: for its page, and for the index's provenance and verdicts.
  const runs = list.map((c) => readNotebook(executed(c)));
  const ready = list.map((c, at) => {
    const run = runs[at];
    const page = makePageLive(preparePage(run, {
      title: c.title, showCode,
      navigation: { index: home, previous: link(pages[at - 1]), next: link(pages[at + 1]) },
    }), { chapter: c.name, executed: run });
    const file = path.join(pagesDir, `${c.name}.ipynb`);
    writeNotebook(file, page);
    return file;
  });
  onProgress?.(`writing ${ready.length} page${ready.length === 1 ? "" : "s"} (nbconvert)`);
  await exportHtmlPages(ready, outDir, { removeInputTag: REMOVE_INPUT_TAG, removeCellTag: REMOVE_CELL_TAG });
  await live;
  await checked;
  const versions = mergeProvenance(runs.flatMap(provenanceIn));
  const verdicts = Object.fromEntries(list.map((c, at) => [c.name, verdictsIn(runs[at])]));
  const index = path.join(outDir, "index.html");
  writeFileAtomically(index, indexPage(pages, { date: new Date().toISOString().slice(0, 10), parameters, versions, playground: PLAYGROUND_PAGE, verdicts }));
  return { outDir, index, pages, seconds: (Date.now() - started) / 1000, versions };
}

/** The names a notebook's parameters cell declares (so a chapter only gets the overrides it has). */
function declaredParameters(file: string): Set<string> {
  const nb = readNotebook(file);
  const i = parametersCellIndex(nb);
  return new Set(i < 0 ? [] : parseParameters(sourceOf(nb.cells[i])).map((p) => p.name));
}
