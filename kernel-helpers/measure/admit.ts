/** The cases a real run (measure, trace) accepts: at least one, each valid, the batch under the memory cap. */
import { Case, parseCase } from "../case";
import { InputError } from "../errors";
import { measureMessages } from "../messages";
import { estimateBatchBytes, estimatePeakBytes } from "./estimate";

export function admitCases(input: readonly (Case | string)[], memCap: number): Case[] {
  if (input.length === 0) throw new InputError(measureMessages.noCases(), "");
  const cases = input.map((c) => parseCase(c));
  cases.forEach((c, i) => {
    const bytes = estimatePeakBytes(c);
    if (bytes > memCap) throw new InputError(measureMessages.overCap(i, bytes, memCap), JSON.stringify(c));
  });
  const batch = estimateBatchBytes(cases);
  if (batch > memCap) throw new InputError(measureMessages.batchOverCap(cases.length, batch, memCap), "");
  return cases;
}
