/** Dispatch of the string and growth operations (case/string-ops.ts) to their models. */
import { StringOpCase } from "../case";
import { simulateBuffer, simulateBuilder } from "./builders";
import { simulateConcat, simulateConcatLoop } from "./concat";
import { simulateConvert } from "./convert";
import { Heap } from "./malloc";
import { simulateAppendSlice, simulateSlicesGrow } from "./slice-growth";

/** Allocations of one string or growth case. */
export function simulateStringOp(heap: Heap, c: StringOpCase): void {
  switch (c.op) {
    case "concat":
      return simulateConcat(heap, c);
    case "concatloop":
      return simulateConcatLoop(heap, c);
    case "convert":
      return simulateConvert(heap, c);
    case "appendslice":
      return simulateAppendSlice(heap, c);
    case "slicesgrow":
      return simulateSlicesGrow(heap, c);
    case "builder":
      return simulateBuilder(heap, c);
    case "buffer":
      return simulateBuffer(heap, c);
  }
}
