/** `golab record --go V [--out DIR] [--runs N] [--debug]`, or `golab record --experiments --go V [--out DIR] [--only NAME...]` */
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import { claimLiveExperiments, loadClaims } from "../claims";
import { InputError } from "../errors";
import { courseExperiments } from "../experiments";
import { checkOutputDir } from "../output";
import { experimentsDir, MATRICES, matrixNamed, measurementsDir, record, RECORD_RUNS, recordExperiments } from "../record";
import { outputPath, wholeNumber } from "./options";
import { recordSummary } from "./written";

/** The folder record writes to, checked before the first progress line (record checks it too). */
function checkRecordOut(out: string | undefined, experiments: boolean): void {
  checkOutputDir(out ?? (experiments ? experimentsDir() : measurementsDir()));
}

export function addRecordCommand(program: Command): void {
  program
    .command("record")
    .description(SUMMARIES.record)
    .option("--go <version>", "1.19, 1.26, 1.27, or a path to a go binary (default: the go on PATH)")
    .option("--experiments", "record the live-only experiments (Delve hit counts, GC on/off, gctrace, churn, pprof, map or slice, chapter 6's code) instead of the matrix", false)
    .option("--only <names...>", "with --experiments: run only these (e.g. map-or-slice) and keep the file's other experiments as recorded")
    .option("--out <dir>", "folder to write to (default: the project's data/measurements, or data/experiments with --experiments)", outputPath("--out"))
    .option("--runs <n>", "calls of each case", wholeNumber("--runs", 1, 10_000), RECORD_RUNS)
    .option("--debug", "build with -gcflags=all=-N -l (written as go<version>-N-l.jsonl)", false)
    .option("--matrix <name>", `the cases to record: ${MATRICES.map((m) => `${m.key} (go<version>${m.suffix}.jsonl)`).join(" or ")}`, "validation")
    .option("--goexperiment <list>", "GOEXPERIMENT for the build")
    .option("--json", "print a JSON summary of what was written (file, Go version, build, counts) instead of the file's path")
    .option("--quiet", "no progress lines on stderr")
    .action(async (o) => {
      const matrix = matrixNamed(o.matrix);
      checkRecordOut(o.out, o.experiments);
      const progress = o.quiet ? undefined : (m: string) => process.stderr.write(`golab: ${m}\n`);
      if (o.only && !o.experiments) throw new InputError("--only needs --experiments", "--only");
      if (o.experiments) {
        const experiments = [...claimLiveExperiments(loadClaims()), ...courseExperiments()];
        const file = await recordExperiments({ go: o.go, experiments, outDir: o.out, only: o.only, onProgress: progress });
        process.stdout.write(o.json ? `${JSON.stringify(recordSummary(file, "experiments"), null, 2)}\n` : `${file}\n`);
        return;
      }
      progress?.(`recording the ${matrix.key} matrix`);
      const file = await record({ go: o.go, outDir: o.out, runs: o.runs, debug: o.debug, goexperiment: o.goexperiment, matrix: matrix.key, onProgress: progress });
      process.stdout.write(o.json ? `${JSON.stringify(recordSummary(file, "measurements"), null, 2)}\n` : `${file}\n`);
    });
}
