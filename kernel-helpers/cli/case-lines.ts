/**
 * Case lines from a file or standard input, read as they arrive: `golab predict --from FILE`
 * handles each chunk's lines before it reads the next, so memory stays flat for any number of
 * cases and a slow producer's cases are answered as they come.
 */
import * as fs from "node:fs";
import { InputError } from "../errors";
import { cliMessages, readReason } from "../messages";

/**
 * Whole lines of a case file, as read: `text` holds one or more lines ("\n" or "\r\n" between
 * them, the last one without), or, with `tooLong`, the start of one line too long to be a case.
 */
export interface CaseBlock {
  text: string;
  tooLong?: boolean;
}

/** Longer lines are reported, not kept: a case is at most 4000 characters (parseCase). */
export const MAX_LINE = 64 * 1024;

/** The readable stream of `file`; "-" is standard input. An unreadable file is an InputError. */
export async function openCaseSource(file: string): Promise<NodeJS.ReadableStream> {
  if (file === "-") return process.stdin;
  try {
    const handle = await fs.promises.open(file, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    }
    return handle.createReadStream({ highWaterMark: 256 * 1024 });
  } catch (e) {
    throw new InputError(cliMessages.cannotRead(file, readReason(e)), file);
  }
}

/** Blocks of whole lines from `source`, about one per chunk read. */
export async function* caseBlocks(source: AsyncIterable<string | Buffer> & NodeJS.ReadableStream): AsyncGenerator<CaseBlock> {
  source.setEncoding("utf8");
  let carry = "";
  /** Inside a line already reported as too long: drop what comes up to its end. */
  let skipping = false;
  for await (const chunk of source) {
    const text = chunk as string;
    const nl = text.lastIndexOf("\n");
    if (nl === -1) {
      carry += text;
    } else {
      const head = carry + text.slice(0, nl);
      carry = text.slice(nl + 1);
      if (skipping) {
        // The long line ends at the first newline; the lines after it are whole.
        skipping = false;
        const first = head.indexOf("\n");
        if (first !== -1) yield { text: head.slice(first + 1) };
      } else yield { text: head };
    }
    if (carry.length > MAX_LINE && !skipping) {
      yield { text: carry.slice(0, 40), tooLong: true };
      skipping = true;
    }
    if (skipping) carry = "";
  }
  if (carry !== "" && !skipping) yield { text: carry };
}
