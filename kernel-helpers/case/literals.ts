/** Literals the short forms read (short-form.ts, object-forms.ts). */
import { InputError } from "../errors";
import { caseMessages } from "../messages";

/** A decimal integer literal as Go writes it (digit separators allowed); the size check is validateCase's. */
export function intLiteral(name: string, s: string, text: string): number {
  const clean = s.replace(/_/g, "");
  // Decimal only: Go reads a leading 0 as octal (010 is 8), so that is refused.
  if (!/^(0|[1-9][0-9]*)$/.test(clean) || /^_|_$|__/.test(s)) throw new InputError(caseMessages.badSize(name, s), text);
  const n = Number(clean);
  if (!Number.isSafeInteger(n)) throw new InputError(caseMessages.badSize(name, clean), text);
  return n;
}

