/** `golab predict <case>... --go V [--seeds N] [--json]`: the simulator, no Go needed. */
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import { Case, Escape, parseCase } from "../case";
import { debugBuild, DEFAULT_SEEDS, DEFAULT_SIM_GO, simulateCounts, simulateWith, versionModel } from "../sim";
import { formatSummaries, summarize } from "./predict-format";
import { escapeOption, wholeNumber } from "./options";

/** Adds `predict` to the golab program. */
export function addPredictCommand(program: Command): void {
  program
    .command("predict")
    .description(SUMMARIES.predict)
    .argument("<case...>", "a case: JSON, or a short form such as 'make(map[int]int, 1000)' or '_ = make([]int, 0, 1000)'")
    .option("--go <version>", "the modelled Go version: 1.19, 1.26 or 1.27", DEFAULT_SIM_GO)
    .option("--seeds <n>", "hash seeds for hash-dependent cases (map overflow, table splits)", wholeNumber("--seeds", 1, 100_000), DEFAULT_SEEDS)
    .option("--escape <where>", "for short forms: heap, stack or discard", escapeOption, "heap")
    .option("--debug", "model a build with -gcflags=all=-N -l, as the article does", false)
    .option("--json", "print the result JSON (one array) instead of a table", false)
    .option("--brief", "only the summary table, without every allocation's reason", false)
    .action((texts: string[], o) => {
      for (const chunk of predict(texts, o)) process.stdout.write(chunk);
    });
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
  const model = versionModel(o.go); // an unmodelled version is refused before any case is read
  const v = o.debug ? debugBuild(model) : model;
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
