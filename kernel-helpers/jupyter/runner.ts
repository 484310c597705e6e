/**
 * runNotebook: executes a notebook's code cells in order through a real kernel of a jupyter
 * server (its own, or one it is given) and returns the executed notebook with every cell's
 * outputs. A cell that fails does not stop the run: its index, message and stack are reported and
 * the next cell runs. A cell over its time limit is interrupted; the run goes on if the interrupt
 * stopped it, and ends (remaining cells "skipped") if the kernel had to be restarted or died,
 * since the state the remaining cells build on is gone.
 */
import * as path from "node:path";
import type * as nbformat from "@jupyterlab/nbformat";
import { jupyterMessages } from "../messages";
import { CellError, summarize } from "./cell-error";
import { ExecutionStatus, KernelSession } from "./kernel";
import { Notebook, ParameterValue, injectParameters, readNotebook, sourceOf, writeNotebook } from "./notebook";
import { DisplayRegistry } from "./outputs";
import { findJupyter } from "./paths";
import { JupyterServer, startJupyterServer } from "./server";
import { checkOutputFile } from "../output";

/** How a code cell ended; "skipped" cells were not run. */
export type CellStatus = ExecutionStatus | "skipped";

export interface CellResult {
  /** Index of the cell in the executed notebook (which holds the injected parameters cell). */
  index: number;
  /** Index of the cell in the notebook as given; null for the injected parameters cell. */
  sourceIndex: number | null;
  status: CellStatus;
  outputs: nbformat.IOutput[];
  error?: CellError;
  durationMs: number;
  /** The cell's time limit. */
  timeoutMs: number;
  /** The kernel was restarted during this cell (by golab after a hang, or by Jupyter after a crash). */
  restarted: boolean;
  /** Sends of the request: more than 1 when tslab aborted it inside its error window. */
  attempts: number;
}

export interface NotebookRun {
  /** The notebook with outputs, as it would be saved. */
  notebook: Notebook;
  /** One entry per code cell, in order. */
  cells: CellResult[];
  /** The cells that did not end "ok" (skipped ones included). */
  failed: CellResult[];
  ok: boolean;
  kernelName: string;
  timings: { serverStartMs: number | null; kernelStartMs: number; totalMs: number };
}

export interface RunNotebookOptions {
  /** A running server whose root holds the notebook; without it the run starts (and stops) its own. */
  server?: JupyterServer;
  /** Parameter overrides. Strings are typed by the parameters cell when `rawParameters` is set. */
  parameters?: Record<string, ParameterValue>;
  /** Parameter values are text from a command line (`--set name=value`). */
  rawParameters?: boolean;
  /** Per cell, in milliseconds (a cell's metadata `golab.timeout`, in seconds, wins). Default 5 min. */
  cellTimeoutMs?: number;
  /** Kernel start-up, in milliseconds. Default 60 s. */
  kernelStartTimeoutMs?: number;
  /** Server start-up, in milliseconds (own server only). Default 60 s. */
  serverStartTimeoutMs?: number;
  /** How long an interrupted cell has to stop before the kernel is restarted. Default 5 s. */
  interruptGraceMs?: number;
  /** The kernel's folder. Default: the notebook's folder. */
  cwd?: string;
  /** Kernel name; default: the notebook's kernelspec, else "tslab". */
  kernelName?: string;
  /** Write the executed notebook here. */
  out?: string;
  /** Called before each code cell runs and after it ends. */
  onCell?: (event: { phase: "start" | "end"; cell: CellResult; total: number }) => void;
  /** Told what happens before the first cell (server and kernel start-up). */
  onProgress?: (message: string) => void;
}

function cellTimeout(cell: nbformat.ICell, fallbackMs: number): number {
  const t = (cell.metadata as { golab?: { timeout?: unknown } } | undefined)?.golab?.timeout;
  return typeof t === "number" && t > 0 && Number.isFinite(t) ? t * 1000 : fallbackMs;
}

/** Runs a notebook file (or a parsed notebook, with `path` naming where it lives). */
export async function runNotebook(notebookPath: string, options: RunNotebookOptions = {}, given?: Notebook): Promise<NotebookRun> {
  const started = Date.now();
  const file = path.resolve(notebookPath);
  const source = given ?? readNotebook(file);
  const {
    parameters = {}, rawParameters = false, cellTimeoutMs = 300_000, kernelStartTimeoutMs = 60_000,
    serverStartTimeoutMs = 60_000, interruptGraceMs = 5000, cwd = path.dirname(file), out, onCell, onProgress,
  } = options;
  const nb = injectParameters(source, parameters, { where: notebookPath, raw: rawParameters });
  // Where the executed notebook goes is checked before the kernel runs a cell.
  if (out !== undefined) checkOutputFile(out);
  const kernelName = options.kernelName ?? (nb.metadata.kernelspec?.name as string | undefined) ?? "tslab";

  if (!options.server) {
    findJupyter(); // a missing Jupyter is one error line, before any progress line
    onProgress?.(`starting a Jupyter server for ${path.basename(file)}`);
  }
  const server = options.server ?? await startJupyterServer({ rootDir: cwd, startTimeoutMs: serverStartTimeoutMs });
  try {
    onProgress?.(`starting the ${kernelName} kernel${options.server ? "" : ` (server up in ${(server.startMs / 1000).toFixed(1)} s)`}`);
    const kernel = await KernelSession.start(server, { kernelName, cwd, label: path.basename(file, ".ipynb"), startTimeoutMs: kernelStartTimeoutMs });
    onProgress?.(`kernel up in ${(kernel.startMs / 1000).toFixed(1)} s`);
    try {
      const run = await runCells(kernel, nb, source, { cellTimeoutMs, interruptGraceMs, onCell });
      const result: NotebookRun = {
        ...run,
        kernelName,
        timings: { serverStartMs: options.server ? null : server.startMs, kernelStartMs: kernel.startMs, totalMs: Date.now() - started },
      };
      if (out !== undefined) writeNotebook(out, result.notebook);
      return result;
    } finally {
      await kernel.shutdown();
    }
  } finally {
    if (!options.server) await server.stop();
  }
}

/**
 * Runs every code cell of `nb` on a kernel that is already up, as JupyterLab's "Run All" does in
 * an open notebook: what earlier runs defined stays defined. `source` is the notebook as given
 * (before parameters were injected), for CellResult.sourceIndex.
 */
export async function runCells(
  kernel: KernelSession, nb: Notebook, source: Notebook,
  { cellTimeoutMs, interruptGraceMs, onCell }: Pick<RunNotebookOptions, "onCell"> & { cellTimeoutMs: number; interruptGraceMs: number },
): Promise<Pick<NotebookRun, "notebook" | "cells" | "failed" | "ok">> {
  const displays = new DisplayRegistry();
  const sourceIndex = new Map(source.cells.map((c, i) => [c, i] as const));
  const codeCells = nb.cells.map((c, i) => [c, i] as const).filter(([c]) => c.cell_type === "code");
  const results: CellResult[] = [];
  const executed: nbformat.ICell[] = nb.cells.map((c) => ({ ...c }));
  let stopped = false;
  for (const [cell, index] of codeCells) {
    const result: CellResult = { index, sourceIndex: sourceIndex.get(cell) ?? null, status: "skipped", outputs: [], durationMs: 0, attempts: 0, timeoutMs: cellTimeout(cell, cellTimeoutMs), restarted: false };
    const code = sourceOf(cell);
    if (!stopped) {
      onCell?.({ phase: "start", cell: result, total: codeCells.length });
      const run = await kernel.execute(code, { timeoutMs: result.timeoutMs, interruptGraceMs, displays });
      Object.assign(result, {
        status: run.status, outputs: run.outputs.outputs, durationMs: run.durationMs, attempts: run.attempts, restarted: run.restarted,
        ...(run.error ? { error: run.error } : {}),
      });
      (executed[index] as nbformat.ICodeCell).execution_count = run.executionCount;
      // Restarted or died: what the remaining cells build on is gone.
      if (run.restarted) stopped = true;
    }
    const meta: Record<string, unknown> = { ...(cell.metadata as object) };
    delete meta.golab_run;
    if (result.status !== "ok") {
      meta.golab_run = { status: result.status, ...(result.error ? { error: { ename: result.error.ename, evalue: result.error.evalue, stack: result.error.stack } } : {}) };
    }
    const updated: nbformat.ICodeCell = {
      ...(executed[index] as nbformat.ICodeCell),
      metadata: meta as nbformat.ICodeCellMetadata,
      outputs: result.outputs,
    };
    if (result.status === "skipped") updated.execution_count = null;
    executed[index] = updated;
    results.push(result);
    onCell?.({ phase: "end", cell: result, total: codeCells.length });
  }
  // The outputs were collected by reference: display updates from later cells are in them.
  const failed = results.filter((r) => r.status !== "ok");
  return { notebook: { ...nb, cells: executed }, cells: results, failed, ok: failed.length === 0 };
}

/** One line for a failed cell: "cell 3 failed: Error: boom". */
export function describeFailure(cell: CellResult): string {
  switch (cell.status) {
    case "timeout":
      return jupyterMessages.cellTimedOut(cell.index, Math.round(cell.timeoutMs / 1000), cell.restarted);
    case "died":
      return jupyterMessages.kernelDied(cell.index);
    case "aborted":
      return jupyterMessages.aborted(cell.index, cell.attempts);
    case "skipped":
      return `cell ${cell.index} was not run`;
    default:
      return jupyterMessages.cellFailed(cell.index, cell.error ? summarize(cell.error) : "unknown error");
  }
}
