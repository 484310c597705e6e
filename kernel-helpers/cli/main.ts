#!/usr/bin/env node
/**
 * golab: the command-line face of the lab. Each subcommand is a thin layer over the library;
 * errors a user can cause print one line on stderr and exit non-zero.
 */
import { Command, CommanderError } from "commander";
import { GolabError, InputError } from "../errors";
import { exitOnSignals } from "../proc";
import { golabVersion } from "../version";

/** Exit codes: 2 for input the user can correct, 1 for any other failure the lab understands. */
export const EXIT_INPUT = 2;
export const EXIT_FAILURE = 1;
export const EXIT_BUG = 70;

/**
 * Each subcommand's module, loaded only when needed: a command's start-up is what a user waits
 * for, so `golab measure` does not load the Jupyter client or the chart libraries.
 */
const COMMANDS: Record<string, () => (program: Command) => void> = {
  measure: () => require("./measure-command").addMeasureCommand,
  record: () => require("./record-command").addRecordCommand,
  run: () => require("./run-command").addRunCommand,
  lab: () => require("./lab-command").addLabCommand,
  predict: () => require("./predict-command").addPredictCommand,
  claims: () => require("./claims-command").addClaimsCommand,
  trace: () => require("./trace-command").addTraceCommand,
  export: () => require("./export-command").addExportCommand,
  cache: () => require("./cache-command").addCacheCommand,
};

/** The program with every subcommand, or only `only` (the one on the command line) when it names one. */
export function buildProgram(only?: string): Command {
  const program = new Command("golab")
    .description("what does this Go operation really allocate, on this Go version, and why?")
    .version(golabVersion(), "-V, --version", "print golab's version")
    .showHelpAfterError(false)
    .configureOutput({ outputError: (text, write) => write(`golab: ${text.replace(/^error: /, "").trim()}\n`) })
    .exitOverride();
  const names = only !== undefined && only in COMMANDS ? [only] : Object.keys(COMMANDS);
  for (const name of names) COMMANDS[name]()(program);
  return program;
}

/**
 * A reader that stops reading (`golab predict … --json | head -1`) closes the pipe: that is not
 * an error to report, so golab stops quietly, as Go's tools do.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      throw e;
    });
  }
}

async function main(argv: string[]): Promise<number> {
  exitOnSignals();
  quietOnClosedPipe();
  try {
    await buildProgram(argv[2]).parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_INPUT;
    if (e instanceof GolabError) {
      process.stderr.write(`golab: ${e.message}\n`);
      return e instanceof InputError ? EXIT_INPUT : EXIT_FAILURE;
    }
    process.stderr.write(`golab: internal error (please report): ${(e as Error).stack ?? e}\n`);
    return EXIT_BUG;
  }
}

if (require.main === module) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
