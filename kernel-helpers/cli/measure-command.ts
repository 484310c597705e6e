/** `golab measure <case>... --go V [--runs N] [--json] [--no-cache]` */
import { Command } from "commander";
import { parseCase } from "../case";
import { DEFAULT_MEM_CAP, DEFAULT_RUNS } from "../measure";
import { formatMeasureTable } from "./format";
import { cliMessages } from "../messages";
import { byteSize, escapeOption, wholeNumber } from "./options";

export function addMeasureCommand(program: Command): void {
  program
    .command("measure")
    .description("measure cases on a real Go runtime (one build and one run for all of them; results are cached)")
    .argument("<case...>", "a case: JSON, or a short form such as 'make(map[int]int, 1000)' or '_ = make([]int, 0, 1000)'")
    .option("--go <version>", "1.19, 1.26, 1.27, or a path to a go binary (default: the go on PATH)")
    .option("--runs <n>", "calls of each case; hash-dependent cases vary between calls", wholeNumber("--runs", 1, 10_000), DEFAULT_RUNS)
    .option("--escape <where>", "for short forms: heap, stack or discard", escapeOption, "heap")
    .option("--debug", cliMessages.debugOption, false)
    .option("--goexperiment <list>", "GOEXPERIMENT for the build")
    .option("--mem-cap <bytes>", "memory cap for the probe process: cases estimated to hold more are refused, a probe that goes over it is stopped (e.g. 2GiB)", byteSize("--mem-cap"), DEFAULT_MEM_CAP)
    .option("--timeout <seconds>", "time limit for the probe run", wholeNumber("--timeout", 1, 86_400), 600)
    .option("--no-cache", "measure every case now, and store nothing (default: read and fill the result cache)")
    .option("--json", "print the result JSON (one array) instead of a table", false)
    .option("--quiet", "no progress lines on stderr", false)
    .action(async (texts: string[], o) => {
      const { admitMeasurement } = (require("../measure") as typeof import("../measure"));
      const { cacheFor } = (require("../store/cache-option") as typeof import("../store/cache-option"));
      const { measureThroughCache } = (require("../store/measured") as typeof import("../store/measured"));
      const onProgress = o.quiet ? undefined : (m: string) => process.stderr.write(`golab: ${m}\n`);
      const { tc, cases, runs, debug, memCap, timeoutMs } = await admitMeasurement(texts.map((t) => parseCase(t, { escape: o.escape })), {
        go: o.go, runs: o.runs, debug: o.debug, goexperiment: o.goexperiment, memCap: o.memCap, timeoutMs: o.timeout * 1000, onProgress,
      });
      const observations = await measureThroughCache(tc, cases.map((c) => ({ case: c, debug })), { runs, timeoutMs, memCap, cache: cacheFor(o.cache, onProgress), onProgress });
      // The JSON keeps the result contract (add fields, never rename): `source` is added beside it.
      process.stdout.write(o.json ? `${JSON.stringify(observations.map((x) => ({ ...x.result, source: x.source })), null, 2)}\n` : formatMeasureTable(observations));
    });
}
