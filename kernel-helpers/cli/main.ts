#!/usr/bin/env node
/**
 * golab: the command-line face of the lab. Each subcommand is a thin layer over the library;
 * errors a user can cause print one line on stderr and exit non-zero.
 */
import { Command, CommanderError } from "commander";
import { GolabError, InputError } from "../errors";
import { exitOnSignals } from "../proc";
import { forTerminal } from "../messages";
import { golabVersion } from "../version";
import { CASE_COMMANDS, EXAMPLES } from "./examples";
import { Example, HELP_CONFIGURATION, withCaseHelp, withExamples } from "./help";
import { CommandName, SUMMARIES } from "./summaries";

/** Exit codes: 2 for input the user can correct, 1 for any other failure the lab understands. */
export const EXIT_INPUT = 2;
export const EXIT_FAILURE = 1;
export const EXIT_BUG = 70;

/**
 * Each subcommand's module, loaded only when needed: a command's start-up is what a user waits
 * for, so `golab measure` does not load the Jupyter client or the chart libraries.
 */
const COMMANDS: Record<CommandName, () => (program: Command) => void> = {
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

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);

const PROGRAM_EXAMPLES: readonly Example[] = [
  ["golab measure 'make(map[int]int, 1000)' 'append([]int, 1000)' --go 1.19,1.26,1.27", "two cases on three Go versions, one column each"],
  ["golab predict 'insert(make(map[int]int, 64), 1000)' --go 1.19", "the simulator's answer, every allocation explained (no Go needed)"],
  ["golab trace '_ = make(map[int]int, 1000)' --go 1.26", "every allocation under Delve: size, type, runtime caller, stack"],
  ["golab claims --recorded", "the article's claims, judged from the recorded datasets"],
  ["golab measure --help", "a command's options, examples, and the case schema"],
];

/**
 * The program with only the command named on the command line (`golab measure …`, `golab help
 * measure`), or with every command listed by its summary alone when none is named: `golab --help`
 * then loads no command module.
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command("golab")
    .description("what does this Go operation really allocate, on this Go version, and why?")
    .version(golabVersion(), "-V, --version", "print golab's version")
    .showHelpAfterError(false)
    .configureHelp(HELP_CONFIGURATION)
    .configureOutput({ outputError: (text, write) => write(`golab: ${forTerminal(text.replace(/^error: /, "").trim())}\n`) })
    .exitOverride();
  withExamples(program, PROGRAM_EXAMPLES);
  const named = argv[0] === "help" ? argv[1] : argv[0];
  if (isCommand(named)) addCommand(program, named);
  else for (const name of Object.keys(COMMANDS) as CommandName[]) program.command(name).description(SUMMARIES[name]);
  return program;
}

/** Adds one command, with its examples (and its subcommands' examples) and, if it reads cases, the case schema. */
function addCommand(program: Command, name: CommandName): void {
  COMMANDS[name]()(program);
  const command = program.commands.find((c) => c.name() === name)!;
  withExamples(command, EXAMPLES[name]);
  if (CASE_COMMANDS.includes(name)) withCaseHelp(command);
  for (const sub of command.commands) {
    const examples = EXAMPLES[`${name} ${sub.name()}` as keyof typeof EXAMPLES];
    if (examples) withExamples(sub, examples);
  }
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
    await buildProgram(argv.slice(2)).parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_INPUT;
    if (e instanceof GolabError) {
      process.stderr.write(`golab: ${forTerminal(e.message)}\n`);
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
