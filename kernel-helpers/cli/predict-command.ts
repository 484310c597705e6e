/** `golab predict <case>... | --from FILE  --go V [--seeds N] [--json]`: the simulator, no Go needed. */
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import { Case, Escape, parseCase } from "../case";
import { InputError } from "../errors";
import { cliMessages } from "../messages";
import { DEFAULT_SEEDS, DEFAULT_SIM_GO, simulateCounts, simulateWith } from "../sim";
import { caseBlocks, openCaseSource } from "./case-lines";
import { modelOf, predictFrom } from "./predict-lines";
import { formatSummaries, summarize } from "./predict-format";
import { escapeOption, wholeNumber } from "./options";

/** Adds `predict` to the golab program. */
export function addPredictCommand(program: Command): void {
  program
    .command("predict")
    .description(SUMMARIES.predict)
    .argument("[case...]", "a case: JSON, or a short form such as 'make(map[int]int, 1000)' or '_ = make([]int, 0, 1000)'")
    .option("--from <file>", "read the cases from FILE, one a line (JSON or a short form; - for standard input), and print each result as it is computed: with --json one JSON object a line, else one tab-separated summary line a case")
    .option("--go <version>", "the modelled Go version: 1.19, 1.26 or 1.27", DEFAULT_SIM_GO)
    .option("--seeds <n>", "hash seeds for hash-dependent cases (map overflow, table splits)", wholeNumber("--seeds", 1, 100_000), DEFAULT_SEEDS)
    .option("--escape <where>", "for short forms: heap, stack or discard", escapeOption, "heap")
    .option("--debug", "model a build with -gcflags=all=-N -l, as the article does", false)
    .option("--json", "print the result JSON (one array; with --from, one object a line) instead of a table", false)
    .option("--brief", "only the summary table, without every allocation's reason", false)
    .action(async (texts: string[], o: PredictOptions & { from?: string }) => {
      if (o.from !== undefined) {
        if (texts.length > 0) throw new InputError(cliMessages.casesAndFrom(), o.from);
        const file = o.from;
        modelOf(o); // an unmodelled version is refused before the file is opened
        const { cases, bad } = await predictFrom(caseBlocks(await openCaseSource(file)), o, {
          write: writeOut,
          refuse: (line, reason) => process.stderr.write(`golab: ${cliMessages.badLine(file, line, reason)}\n`),
        });
        if (bad > 0) throw new InputError(cliMessages.badLines(bad, cases), file);
        return;
      }
      if (texts.length === 0) throw new InputError(cliMessages.noCases(), "predict");
      for (const chunk of predict(texts, o)) process.stdout.write(chunk);
    });
}

/** Writes to standard output, waiting when its buffer is full (a slow reader keeps memory flat). */
function writeOut(text: string | Uint8Array): Promise<void> | void {
  if (!process.stdout.write(text)) return new Promise((resolve) => process.stdout.once("drain", resolve));
}

/** Options of `golab predict`, as parsed. */
export interface PredictOptions {
  go: string;
  seeds: number;
  escape: Escape;
  debug: boolean;
  json: boolean;
  brief: boolean;
}

/**
 * What `golab predict` prints for `texts`, in pieces (the command's whole work, without the
 * process around it). JSON comes one result at a time: a long batch of large maps would not fit
 * in one string.
 */
export function* predict(texts: readonly string[], o: PredictOptions): Generator<string> {
  const v = modelOf(o); // an unmodelled version is refused before any case is read
  const cases = texts.map((t) => parseCase(t, { escape: o.escape }));
  if (!o.json) {
    const simulated = (c: Case) => (o.brief ? simulateCounts(v, c, o.seeds) : simulateWith(v, c, o.seeds));
    yield formatSummaries(cases.map((c) => summarize(simulated(c), { brief: o.brief })));
    return;
  }
  yield "[\n";
  for (let i = 0; i < cases.length; i++) yield `${JSON.stringify(simulateWith(v, cases[i], o.seeds), null, 2)}${i < cases.length - 1 ? "," : ""}\n`;
  yield "]\n";
}

