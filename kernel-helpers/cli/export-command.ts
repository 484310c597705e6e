/** `golab export [--out DIR] [--set name=value]... [--only ch1]... [--show-code]`: the course as HTML. */
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import * as path from "node:path";
import { GolabError } from "../errors";
import { parseSetOptions } from "../jupyter";
import { outputPath, wholeNumber } from "./options";
import { exportSummary } from "./written";

const collect = (value: string, previous: string[]) => [...previous, value];

export function addExportCommand(program: Command): void {
  program
    .command("export")
    .description(SUMMARIES.export)
    .option("--out <dir>", "folder for the pages", outputPath("--out"), "course")
    .option("--set <name=value>", "override a parameter in every chapter that declares it, e.g. --set live=false (repeatable)", collect, [])
    .option("--only <chapter>", "only this chapter, e.g. ch2 (repeatable)", collect, [])
    .option("--timeout <seconds>", "time limit per cell", wholeNumber("--timeout", 1, 86_400), 600)
    .option("--no-cache", "measure and trace everything now (sets the chapters' cache parameter to false)")
    .option("--show-code", "show every code cell on the pages (default: only cells tagged show-code; the rest is plumbing)", false)
    .option("--json", "print a JSON summary (pages, cell failures, each Go version's sources) instead of one line per page")
    .option("--quiet", "no progress lines on stderr")
    .action(async (o) => {
      const { exportCourse } = (require("../course") as typeof import("../course"));
      const progress = o.quiet ? undefined : (m: string) => process.stderr.write(`golab: ${m}\n`);
      const parameters = { ...parseSetOptions(o.set), ...(o.cache ? {} : { cache: "false" }) };
      const result = await exportCourse({
        outDir: path.resolve(o.out), parameters, rawParameters: true,
        only: o.only.length ? o.only : undefined, showCode: o.showCode, cellTimeoutMs: o.timeout * 1000, onProgress: progress,
        onWarning: (m: string) => process.stderr.write(`golab: ${m}\n`),
      });
      if (o.json) {
        process.stdout.write(`${JSON.stringify(exportSummary(result, parameters), null, 2)}\n`);
      } else {
        for (const p of result.pages) process.stdout.write(`${path.join(result.outDir, p.html)}  ${p.seconds.toFixed(1)} s  ${p.failed ? `${p.failed} failed` : "ok"}\n`);
        process.stdout.write(`${result.index}  (${result.seconds.toFixed(1)} s in all)\n`);
      }
      const failed = result.pages.reduce((a, p) => a + p.failed, 0);
      if (failed > 0) throw new GolabError(`${failed} cell(s) failed; the pages show what ran`);
    });
}
