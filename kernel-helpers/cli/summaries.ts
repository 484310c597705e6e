/**
 * Each command's one-line summary, apart from its module: `golab --help` lists every command
 * from here without loading any of them (a command's module may load Jupyter or chart libraries).
 */
export const SUMMARIES = {
  measure: "measure cases on a real Go runtime (one build and one run per Go version for all of them; results are cached)",
  record: "measure the validation matrix on one Go version and write data/measurements/go<version>.jsonl (--matrix objects: new, channels, boxing, closures, into go<version>.objects.jsonl; --matrix strings: the string and growth operations, into go<version>.strings.jsonl; --matrix maps: delete then re-insert, clear, maps.Clone, into go<version>.maps.jsonl); with --experiments, run the live-only experiments and write data/experiments/go<version>.jsonl",
  run: "run a notebook headless on the real tslab kernel (papermill-style parameters with --set)",
  lab: "start JupyterLab (127.0.0.1, random token) on the chapter notebooks, with the TypeScript kernel",
  predict: "predict what cases allocate from the per-version model (instant, no Go needed), and why",
  claims: "test every claim of the article: verdicts per Go version, computed from runs, with their parts and explanations",
  trace: "run cases under Delve and record every allocation: size, type, runtime caller, stack",
  export: "run every chapter notebook headless and write one HTML page per chapter (interactive charts, \"what if\" panels simulated in the page), index.html, playground.html and golab-live.js",
  cache: "the result cache (measured, traced and live-experiment results) and the built probes",
} as const;

export type CommandName = keyof typeof SUMMARIES;
