/** `golab measure <case>... [--go V[,V...]] [--runs N] [--format text|json|benchfmt] [--no-cache]` */
import { Command, Option } from "commander";
import { SUMMARIES } from "./summaries";
import { parseCase } from "../case";
import { DEFAULT_MEM_CAP, DEFAULT_RUNS } from "../measure";
import type * as Measure from "../measure";
import type * as CacheOption from "../store/cache-option";
import type * as Measured from "../store/measured";
import type { Observation } from "../store/observation";
import { InputError } from "../errors";
import { formatBenchfmt } from "./benchfmt";
import { codeFileList, readCodeCases } from "./code-files";
import { formatMeasureTable } from "./format";
import { formatBytes } from "../bytes";
import { cliMessages } from "../messages";
import { byteSize, chosenFormat, escapeOption, goVersionList, OutputFormat, outputFormat, wholeNumber } from "./options";

export function addMeasureCommand(program: Command): void {
  program
    .command("measure")
    .description(SUMMARIES.measure)
    .argument("[case...]", "a case: JSON, or a short form such as 'make(map[int]int, 1000)', 'append([]int, 1000)' or 'insert(map[int]int, 1000)'")
    .option("--code <file>", cliMessages.codeOption, codeFileList)
    .option("--go <versions>", "1.19, 1.26, 1.27, or a path to a go binary; several separated by commas, one column each (default: the go on PATH)", goVersionList)
    .option("--runs <n>", "calls of each case; hash-dependent cases vary between calls", wholeNumber("--runs", 1, 10_000), DEFAULT_RUNS)
    .option("--escape <where>", "for short forms: heap, stack or discard", escapeOption, "heap")
    .option("--debug", cliMessages.debugOption)
    .option("--goexperiment <list>", "GOEXPERIMENT for the build")
    .addOption(new Option("--mem-cap <bytes>", "memory cap for the probe process: cases estimated to hold more are refused, a probe that goes over it is stopped (e.g. 2GiB)").argParser(byteSize("--mem-cap")).default(DEFAULT_MEM_CAP, formatBytes(DEFAULT_MEM_CAP)))
    .option("--timeout <seconds>", "time limit for the probe run", wholeNumber("--timeout", 1, 86_400), 600)
    .option("--no-cache", "measure every case now, and store nothing (default: read and fill the result cache)")
    .option("--format <format>", "text (a table; sizes in B, KiB, MiB, GiB), json (the results, exact bytes) or benchfmt (Go's benchmark format, which benchstat reads)", outputFormat)
    .option("--json", "the same as --format json: one array of results, version by version")
    .option("--quiet", "no progress lines on stderr")
    .action(async (texts: string[], o) => {
      const { admitMeasurement } = (require("../measure") as typeof Measure);
      const { cacheFor } = (require("../store/cache-option") as typeof CacheOption);
      const { measureThroughCache } = (require("../store/measured") as typeof Measured);
      const format = chosenFormat(o);
      const onProgress = o.quiet ? undefined : (m: string) => process.stderr.write(`golab: ${m}\n`);
      const cases = [...texts.map((t) => parseCase(t, { escape: o.escape })), ...readCodeCases(o.code ?? [])];
      // Every version is found (and every case admitted) before anything is built.
      const admitted: Measure.AdmittedMeasurement[] = [];
      for (const go of (o.go as string[] | undefined) ?? [undefined]) {
        const a = await admitMeasurement(cases, {
          go, runs: o.runs, debug: o.debug ?? false, goexperiment: o.goexperiment, memCap: o.memCap, timeoutMs: o.timeout * 1000, onProgress,
        });
        if (admitted.some((b) => b.tc.version === a.tc.version)) throw new InputError(cliMessages.sameGoTwice(go ?? "", a.tc.version), go ?? "");
        admitted.push(a);
      }
      const cache = cacheFor(o.cache, onProgress);
      const observations: Observation<Measure.MeasureResult>[] = [];
      for (const { tc, cases: admittedCases, runs, debug, memCap, timeoutMs } of admitted) {
        observations.push(...await measureThroughCache(tc, admittedCases.map((c) => ({ case: c, debug })), { runs, timeoutMs, memCap, cache, onProgress }));
      }
      process.stdout.write(printed(format, observations));
    });
}

/** The command's output in the chosen format. */
function printed(format: OutputFormat, observations: readonly Observation<Measure.MeasureResult>[]): string {
  // The JSON keeps the result contract (add fields, never rename): `source` is added beside each
  // result; several versions give one flat array, version by version, each result naming its `go`.
  if (format === "json") return `${JSON.stringify(observations.map((x) => ({ ...x.result, source: x.source })), null, 2)}\n`;
  return format === "benchfmt" ? formatBenchfmt(observations) : formatMeasureTable(observations);
}
