/** golab's Jupyter: its own server, a headless notebook runner on a real kernel, parameters, export. */
export { findJupyter, repoRoot, JupyterCommand } from "./paths";
export { startJupyterServer, JupyterServer, ServerOptions, ServerExit, JupyterApp } from "./server";
export { KernelSession, KernelOptions, ExecuteOptions, Execution, ExecutionStatus, ABORT_WINDOW_MS } from "./kernel";
export { runNotebook, runCells, RunNotebookOptions, NotebookRun, CellResult, CellStatus, describeFailure } from "./runner";
export {
  Notebook, Parameter, ParameterValue, readNotebook, writeNotebook, injectParameters, parseParameters,
  parseParameterValue, parseSetOptions, parametersCellIndex, sourceOf, PARAMETERS_TAG, INJECTED_TAG,
} from "./notebook";
export { CellError, CellErrorKind, parseTslabError, summarize } from "./cell-error";
export { exportHtml, exportHtmlPages } from "./export";
