/** `--code FILE` (repeatable; `-` reads standard input): the user's Go files as code cases. */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case, parseCase } from "../case";
import { InputError } from "../errors";
import { cliMessages, readReason } from "../messages";

/** Commander's collector for a repeatable --code. */
export function codeFileList(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Reads each file (`-`: standard input, once) into a code case named after the file. */
export function readCodeCases(files: readonly string[]): Case[] {
  if (files.filter((f) => f === "-").length > 1) throw new InputError(cliMessages.stdinTwice(), "-");
  return files.map((file) => {
    let source: string;
    try {
      source = fs.readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(cliMessages.unreadableCode(file, `${readReason(e)}${code ? ` (${code})` : ""}`), file);
    }
    return parseCase({ op: "code", source, name: file === "-" ? "stdin" : path.basename(file) });
  });
}
