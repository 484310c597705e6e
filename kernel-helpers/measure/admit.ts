/** The cases a real run (measure, trace) accepts: at least one, each valid and under the memory cap. */
import { Case, parseCase } from "../case";
import { InputError } from "../errors";
import { measureMessages } from "../messages";
import { estimatePeakBytes } from "./estimate";

export function admitCases(input: readonly (Case | string)[], memCap: number): Case[] {
  if (input.length === 0) throw new InputError(measureMessages.noCases(), "");
  const cases = input.map((c) => parseCase(c));
  cases.forEach((c, i) => {
    const bytes = estimatePeakBytes(c);
    if (bytes > memCap) throw new InputError(measureMessages.overCap(i, bytes, memCap), JSON.stringify(c));
  });
  return cases;
}
