#!/usr/bin/env node
/**
 * golab: the command-line face of the lab. Each subcommand is a thin layer over the library;
 * errors a user can cause print one line on stderr and exit non-zero.
 */
import { Command, CommanderError } from "commander";
import { GolabError, InputError } from "../errors";
import { exitOnSignals } from "../proc";
import { addMeasureCommand } from "./measure-command";
import { addRecordCommand } from "./record-command";
import { addRunCommand } from "./run-command";
import { addLabCommand } from "./lab-command";
import { addClaimsCommand } from "./claims-command";
import { addPredictCommand } from "./predict-command";
import { addTraceCommand } from "./trace-command";
import { addExportCommand } from "./export-command";
import { addCacheCommand } from "./cache-command";

/** Exit codes: 2 for input the user can correct, 1 for any other failure the lab understands. */
export const EXIT_INPUT = 2;
export const EXIT_FAILURE = 1;
export const EXIT_BUG = 70;

export function buildProgram(): Command {
  const program = new Command("golab")
    .description("what does this Go operation really allocate, on this Go version, and why?")
    .showHelpAfterError(false)
    .configureOutput({ outputError: (text, write) => write(`golab: ${text.replace(/^error: /, "").trim()}\n`) })
    .exitOverride();
  addMeasureCommand(program);
  addRecordCommand(program);
  addRunCommand(program);
  addLabCommand(program);
  addPredictCommand(program);
  addClaimsCommand(program);
  addTraceCommand(program);
  addExportCommand(program);
  addCacheCommand(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  exitOnSignals();
  try {
    await buildProgram().parseAsync(argv);
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
