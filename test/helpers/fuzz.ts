/** Shared pieces for the property-based tests: what a safe canonical type looks like, and tallies. */
import assert from "node:assert/strict";
import { InputError } from "../../kernel-helpers/errors";

/** Canonical Go spellings use only these characters: no quotes, comments, backticks or newlines. */
export const SAFE_TYPE_TEXT = /^[A-Za-z0-9_\[\]{}*; ]+$/;

/** One line of printable text. */
export const ONE_LINE = /^[^\n\r\u2028\u2029\u0000-\u001f\u007f-\u009f]*$/;

export interface Tally {
  tried: number;
  accepted: number;
  rejected: number;
}

export function newTally(): Tally {
  return { tried: 0, accepted: 0, rejected: 0 };
}

/** Runs `work`; an InputError with a one-line message counts as a clean rejection, anything else fails. */
export function acceptOrReject<T>(tally: Tally, input: unknown, work: () => T): T | undefined {
  tally.tried++;
  try {
    const out = work();
    tally.accepted++;
    return out;
  } catch (e) {
    assert.ok(e instanceof InputError, `input ${JSON.stringify(input)} threw ${String((e as Error)?.stack ?? e)}, not an InputError`);
    assert.match(e.message, ONE_LINE, `message for ${JSON.stringify(input)} is not one line`);
    tally.rejected++;
    return undefined;
  }
}

/** Prints the figures the reliability issue asks for. */
export function report(name: string, t: Tally): void {
  process.stdout.write(`# fuzz ${name}: ${t.tried} inputs tried, ${t.accepted} accepted, ${t.rejected} rejected with one clear error, 0 uncaught\n`);
}
