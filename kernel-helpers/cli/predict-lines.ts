/**
 * `golab predict --from FILE`: case lines answered as they arrive, in order, in flat memory. The
 * main thread reads and writes and answers the first block; from the second on, a helper thread
 * (predict-worker.ts) is given every block while it has few waiting, and the main thread answers
 * the others between its reading and writing, so both cores simulate a long file.
 */
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import { parseCase } from "../case";
import { InputError } from "../errors";
import { cliMessages, simMessages } from "../messages";
import { buildModel, simulateCounts, simulateWith, VersionModel } from "../sim";
import { CaseBlock, MAX_LINE } from "./case-lines";
import { summarize } from "./predict-format";
import { Utf8Pieces } from "./utf8-pieces";
import type { PredictOptions } from "./predict-command";

/** What one block of lines gave: its output in pieces of UTF-8, its refused lines (numbered within the block), its counts. */
export interface BlockAnswer {
  out: Uint8Array[];
  refused: [line: number, reason: string][];
  /** Lines, blank ones included (for numbering). */
  lines: number;
  /** Lines that were not blank. */
  cases: number;
}

/** The model `o` asks for. */
export function modelOf(o: PredictOptions): VersionModel {
  return buildModel(o.go, o.debug);
}

/**
 * Answers one block: per case line, one SimResult as JSON (as `--json` prints each) or one
 * tab-separated summary row; blank lines are skipped, lines that are not cases are refused.
 */
export function answerBlock(block: CaseBlock, o: PredictOptions, v: VersionModel): BlockAnswer {
  if (block.tooLong) return { out: [], refused: [[1, cliMessages.lineTooLong(MAX_LINE)]], lines: 1, cases: 1 };
  const text = block.text;
  const out = new Utf8Pieces();
  const refused: [number, string][] = [];
  let line = 0;
  let cases = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    line++;
    const l = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (l.trim() === "") continue;
    cases++;
    try {
      const c = parseCase(l, { escape: o.escape });
      out.add(o.json ? `${JSON.stringify(simulateWith(v, c, o.seeds))}\n` : `${summarize(simulateCounts(v, c, o.seeds), { brief: true }).row.join("\t")}\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      refused.push([line, e.message]);
    }
  }
  return { out: out.pieces(), refused, lines: line, cases };
}

/** Where predictFrom sends its output, and each line it refuses. */
export interface LineSink {
  write(text: string | Uint8Array): Promise<void> | void;
  refuse(line: number, reason: string): void;
}

/** Blocks in flight (answered or being answered, not yet written): memory stays flat. */
const IN_FLIGHT = 6;
/** Blocks the helper may have waiting: enough that it never waits for this thread. */
const HELPER_QUEUE = 2;

/**
 * Answers `blocks` in order: each block's output is written, then its refused lines, before a
 * later block's. Returns the number of case lines (blank ones not counted) and of refused ones. `threads: false` answers every
 * block on this thread.
 */
export async function predictFrom(blocks: AsyncIterable<CaseBlock>, o: PredictOptions, sink: LineSink, { threads = true } = {}): Promise<{ cases: number; bad: number }> {
  const v = modelOf(o);
  let lines = 0;
  let cases = 0;
  let bad = 0;
  if (!o.json) await sink.write(`${simMessages.predictHead(v.go, "amd64", o.seeds, v.compiler.debug)}\ncase\tmallocs\trequested\tallocated\ttiny\n`);
  const emit = async (a: BlockAnswer) => {
    for (const piece of a.out) await sink.write(piece);
    for (const [line, reason] of a.refused) sink.refuse(lines + line, reason);
    lines += a.lines;
    cases += a.cases;
    bad += a.refused.length;
  };
  let helper: Helper | null = null;
  /** Per block in flight, the promise that it is written. */
  const pending: Promise<void>[] = [];
  let written: Promise<void> = Promise.resolve();
  let count = 0;
  try {
    for await (const block of blocks) {
      // A short file is answered here. From the second block on, the helper gets every block
      // while it has few waiting: when this thread answered every other block, it was busy all
      // the run and the helper waited for it a third of the time.
      if (threads && count === 1) helper = new Helper(o);
      const answer: Promise<BlockAnswer> =
        helper && helper.queued < HELPER_QUEUE ? helper.answer(block) : Promise.resolve().then(() => answerBlock(block, o, v));
      count++;
      // Written as soon as it is ready and everything before it is written, even while reading waits.
      written = written.then(() => answer).then(emit);
      written.catch(() => undefined); // a failure is seen where it is awaited
      pending.push(written);
      while (pending.length > IN_FLIGHT) await pending.shift();
    }
    await written;
  } finally {
    await helper?.close();
  }
  return { cases, bad };
}

/**
 * The helper's young generation: a block's results and strings die young, and with room for
 * several blocks fewer of them are copied out (less CPU time than with 8 MB, in one run).
 */
const YOUNG_MB = 64;

/** The helper thread: blocks in, answers out, in the order sent. */
class Helper {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (a: BlockAnswer) => void; reject: (e: Error) => void }[] = [];

  constructor(o: PredictOptions) {
    this.worker = new Worker(path.join(__dirname, "predict-worker.js"), { workerData: o, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    this.worker.on("message", (m: BlockAnswer | { error: string }) => {
      const w = this.waiting.shift()!;
      if ("error" in m) w.reject(new Error(`predict worker: ${m.error}`));
      else w.resolve(m);
    });
    this.worker.on("error", (e) => {
      for (const w of this.waiting.splice(0)) w.reject(e);
    });
  }

  /** Blocks sent and not yet answered. */
  get queued(): number {
    return this.waiting.length;
  }

  answer(block: CaseBlock): Promise<BlockAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(block);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
