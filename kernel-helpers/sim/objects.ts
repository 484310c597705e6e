/** The object operations' models, by op: one door from runSeed (simulate.ts) to each. */
import { ObjectCase, ObjectOp } from "../case";
import { simulateBox } from "./box";
import { simulateMakeChan } from "./chan";
import { simulateClosure } from "./closure";
import { Heap } from "./malloc";
import { simulateNew } from "./newobject";

const MODELS: { [K in ObjectOp]: (heap: Heap, c: Extract<ObjectCase, { op: K }>) => void } = {
  new: simulateNew,
  makechan: simulateMakeChan,
  box: simulateBox,
  closure: simulateClosure,
};

/** The allocations of an object case (new, makechan, box, closure). */
export function simulateObject(heap: Heap, c: ObjectCase): void {
  (MODELS[c.op] as (heap: Heap, c: ObjectCase) => void)(heap, c);
}
