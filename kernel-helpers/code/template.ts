/**
 * codeCase: a code case from a template with parameters, so a notebook cell reruns with new sizes:
 * `codeCase("var sink []byte\nfunc probe() { sink = make([]byte, {{n}}) }", { n: 33 })`. Each
 * `{{name}}` becomes a Go literal written from the value's type (a whole number, a string quoted,
 * a boolean); the values are never pasted as text. A placeholder without a value, or a value
 * without a placeholder (a typo), is refused.
 */
import { CodeCase, parseCase } from "../case";
import { InputError } from "../errors";
import { codeMessages } from "../messages";

/** A template parameter's value. */
export type TemplateValue = number | string | boolean;

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/** The Go literal of a value: a decimal integer, an interpreted string literal, true or false. */
export function goLiteral(name: string, value: TemplateValue): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new InputError(codeMessages.badParameter(name, String(value)), String(value));
    return String(value);
  }
  if (typeof value === "string") {
    // JSON's string escapes (\" \\ \n \t \b \f \r \uXXXX) are all Go escapes too.
    return JSON.stringify(value);
  }
  throw new InputError(codeMessages.badParameter(name, String(value)), String(value));
}

/** The code case the template makes with these parameters; `name` is the file name shown. */
export function codeCase(template: string, params: Readonly<Record<string, TemplateValue>> = {}, name?: string): CodeCase {
  const used = new Set<string>();
  const source = template.replace(PLACEHOLDER, (_, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, key)) throw new InputError(codeMessages.missingParameter(key), key);
    used.add(key);
    return goLiteral(key, params[key]);
  });
  const unused = Object.keys(params).filter((k) => !used.has(k));
  if (unused.length > 0) throw new InputError(codeMessages.unusedParameter(unused[0]), unused[0]);
  return parseCase({ op: "code", source, ...(name === undefined ? {} : { name }) }) as CodeCase;
}
