/**
 * The helper thread of `golab predict --from` (predict-lines.ts): answers the blocks of case
 * lines it is sent, in order, and sends back each answer's output as UTF-8 bytes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CaseBlock } from "./case-lines";
import type { PredictOptions } from "./predict-command";
import { answerBlock, modelOf } from "./predict-lines";

const o = workerData as PredictOptions;
const v = modelOf(o);
const encoder = new TextEncoder();

parentPort!.on("message", (block: CaseBlock) => {
  try {
    const a = answerBlock(block, o, v);
    const out = a.out.map((piece) => encoder.encode(piece));
    parentPort!.postMessage({ ...a, out }, out.map((bytes) => bytes.buffer));
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
