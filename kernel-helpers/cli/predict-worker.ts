/**
 * The helper thread of `golab predict --from` (predict-lines.ts): answers the blocks of case
 * lines it is sent, in order, and sends back each answer (its output, UTF-8 bytes, moved, not copied).
 */
import { parentPort, workerData } from "node:worker_threads";
import { CaseBlock } from "./case-lines";
import type { PredictOptions } from "./predict-command";
import { answerBlock, modelOf } from "./predict-lines";

const o = workerData as PredictOptions;
const v = modelOf(o);

parentPort!.on("message", (block: CaseBlock) => {
  try {
    const a = answerBlock(block, o, v);
    parentPort!.postMessage(a, a.out.map((bytes) => bytes.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
