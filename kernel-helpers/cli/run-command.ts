/** `golab run <notebook> [--set name=value]... [--out executed.ipynb] [--html page.html]` */
import * as path from "node:path";
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import type * as nbformat from "@jupyterlab/nbformat";
import { GolabError } from "../errors";
import { jupyterMessages } from "../messages";
import { checkOutputFile } from "../output";
import { withTempDir } from "../proc";
import { CellResult, describeFailure, exportHtml, parseSetOptions, runNotebook, summarize, writeNotebook } from "../jupyter";
import { outputPath, wholeNumber } from "./options";

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** What a cell printed, as text: stdout, and the text/plain of rich outputs. */
function cellText(outputs: nbformat.IOutput[]): string {
  return outputs.map((o) => {
    if (o.output_type === "stream" && (o as nbformat.IStream).name === "stdout") return joinText((o as nbformat.IStream).text);
    if (o.output_type === "display_data" || o.output_type === "execute_result") {
      const data = (o as nbformat.IDisplayData).data;
      const plain = data["text/plain"];
      if (typeof plain === "string" || Array.isArray(plain)) return `${joinText(plain as nbformat.MultilineString).replace(/\n?$/, "\n")}`;
      return `[${Object.keys(data).join(", ")}]\n`;
    }
    return "";
  }).join("");
}

function joinText(t: nbformat.MultilineString): string {
  return Array.isArray(t) ? t.join("") : t;
}

function failureReport(cell: CellResult): string {
  const lines = [`golab: ${describeFailure(cell)}`];
  if (cell.status === "error" && cell.error) {
    for (const l of cell.error.evalue.split("\n").slice(1)) lines.push(`  ${l}`);
    for (const frame of cell.error.stack) lines.push(`    ${frame}`);
  }
  return `${lines.join("\n")}\n`;
}

/** --html is checked before the notebook runs (--out is checked by runNotebook). */
function checkHtmlOut(html: string | undefined): void {
  if (html !== undefined) checkOutputFile(html);
}

export function addRunCommand(program: Command): void {
  program
    .command("run")
    .description(SUMMARIES.run)
    .argument("<notebook>", "the .ipynb file")
    .option("--set <name=value>", "override a parameter declared in the cell tagged \"parameters\" (repeatable)", collect, [])
    .option("--out <file>", "write the executed notebook (outputs included) here", outputPath("--out"))
    .option("--html <file>", "also export the executed notebook to HTML (nbconvert)", outputPath("--html"))
    .option("--timeout <seconds>", "time limit per cell (a cell's metadata golab.timeout wins)", wholeNumber("--timeout", 1, 86_400), 300)
    .option("--kernel-timeout <seconds>", "time limit for the kernel to start", wholeNumber("--kernel-timeout", 1, 3600), 60)
    .option("--json", "print the run (cells, statuses, errors, outputs) as JSON instead of the cells' text", false)
    .option("--no-cache", "measure and trace everything now (sets the notebook's cache parameter to false)")
    .option("--quiet", "no progress lines on stderr", false)
    .action(async (notebook: string, o) => {
      const parameters = { ...parseSetOptions(o.set as string[]), ...(o.cache ? {} : { cache: "false" }) };
      const quiet: boolean = o.quiet;
      checkHtmlOut(o.html);
      let ended = 0;
      const run = await runNotebook(notebook, {
        parameters, rawParameters: true, out: o.out,
        cellTimeoutMs: o.timeout * 1000, kernelStartTimeoutMs: o.kernelTimeout * 1000,
        onProgress: quiet ? undefined : (m) => process.stderr.write(`golab: ${m}\n`),
        onCell: quiet ? undefined : ({ phase, cell, total }) => {
          if (phase === "start") {
            process.stderr.write(`golab: cell ${cell.index} (${ended + 1}/${total}) running\n`);
            return;
          }
          ended++;
          process.stderr.write(`golab: cell ${cell.index} (${ended}/${total}) ${cell.status}${cell.status === "skipped" ? "" : ` in ${(cell.durationMs / 1000).toFixed(2)} s`}\n`);
        },
      });
      if (o.html) {
        if (o.out) {
          await exportHtml(o.out, o.html);
        } else {
          await withTempDir("export", async (dir) => {
            const file = path.join(dir, path.basename(notebook));
            writeNotebook(file, run.notebook);
            await exportHtml(file, o.html);
          });
        }
      }
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ok: run.ok, kernel: run.kernelName, timings: run.timings, cells: run.cells }, null, 2)}\n`);
      } else {
        for (const cell of run.cells) {
          const text = cellText(cell.outputs);
          if (text) process.stdout.write(`── cell ${cell.index} ──\n${text.replace(/\n?$/, "\n")}`);
        }
      }
      for (const cell of run.failed) process.stderr.write(failureReport(cell));
      if (!run.ok) {
        const first = run.failed[0];
        throw new GolabError(jupyterMessages.runFailed(run.failed.length, run.cells.length,
          first.error && first.status === "error" ? `cell ${first.index}: ${summarize(first.error)}` : describeFailure(first)));
      }
    });
}
