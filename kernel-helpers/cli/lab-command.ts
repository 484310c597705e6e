/** `golab lab [path]`: JupyterLab on 127.0.0.1 with a random token, opening working copies of the chapter notebooks. */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import { GolabError, InputError } from "../errors";
import type * as Course from "../course";
import type * as Jupyter from "../jupyter";
import { courseMessages, jupyterMessages } from "../messages";
import { wholeNumber } from "./options";

// Jupyter and the course load only when the lab starts: `golab lab --help` needs neither.

const SIGNALS = [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const;

/** The folder to serve and what to open in it. */
function placeOf(target: string): { rootDir: string; openPath: string } {
  const abs = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new InputError(jupyterMessages.noSuchNotebook(target), target);
  }
  const root = (require("../jupyter") as typeof Jupyter).repoRoot();
  const inRepo = !path.relative(root, abs).startsWith("..") && !path.isAbsolute(path.relative(root, abs));
  const rootDir = inRepo ? root : stat.isDirectory() ? abs : path.dirname(abs);
  return { rootDir, openPath: path.relative(rootDir, abs) };
}

/** The working copies of the chapters (made when absent), so that autosave never rewrites the course. */
function openWorkingCopies(): string {
  const { dir, copied } = (require("../course") as typeof Course).ensureWorkingCopies();
  process.stderr.write(`golab: ${courseMessages.workingCopies(path.relative(process.cwd(), dir) || dir, copied.length)}\n`);
  return dir;
}

export function addLabCommand(program: Command): void {
  program
    .command("lab")
    .description(SUMMARIES.lab)
    .argument("[path]", "a notebook or folder to open (default: working copies of the chapters in notebooks-work/, made on first start)")
    .option("--port <n>", "port (default: a free one)", wholeNumber("--port", 0, 65_535), 0)
    .option("--no-browser", "do not open a browser; just print the URL")
    .option("--timeout <seconds>", "time limit for JupyterLab to start", wholeNumber("--timeout", 1, 3600), 120)
    .option("--verbose", "print JupyterLab's own log on stderr", false)
    .action(async (target: string | undefined, o) => {
      const { rootDir, openPath } = placeOf(target ?? openWorkingCopies());
      const { startJupyterServer } = (require("../jupyter") as typeof Jupyter);
      const server = await startJupyterServer({
        app: "lab", rootDir, openPath, port: o.port, openBrowser: o.browser, startTimeoutMs: o.timeout * 1000,
        onLog: o.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
      });
      // Ctrl-C: Jupyter gets a few seconds to shut its kernels down, then whatever is left is
      // killed (by the CLI's own clean-up, which runs next and exits).
      for (const [signal, code] of SIGNALS) {
        process.prependListener(signal, () => {
          process.stderr.write(`golab: ${jupyterMessages.labStopping()}\n`);
          server.stopSync({ graceMs: 5000 });
          if (process.listenerCount(signal) === 1) process.exit(code);
        });
      }
      const url = server.browserUrl(`lab/tree/${openPath.split(path.sep).map(encodeURIComponent).join("/")}`);
      process.stdout.write(`${jupyterMessages.labStarted(url)}\nServing ${rootDir}; press Ctrl-C to stop.\n`);
      const { code, signal } = await server.exited;
      await server.stop();
      throw new GolabError(jupyterMessages.serverExited(code, signal, server.logTail(1)));
    });
}
