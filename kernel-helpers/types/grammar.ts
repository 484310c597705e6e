/**
 * Parser for the small Go type grammar the lab accepts:
 *
 *   Type   = BasicName | "any" | "interface" "{" "}" | "*" Type | "[" "]" Type
 *          | "[" Length "]" Type | "map" "[" Type "]" Type
 *          | "struct" "{" [ Field { ";" Field } [ ";" ] ] "}" | "(" Type ")"
 *   Field  = Ident { "," Ident } Type
 *
 * Anything else is rejected with a message naming the bad part. The tree it returns is the only
 * way a user's type reaches Go source: render.ts writes Go from the tree, never from the text.
 */
import { InputError } from "../errors";
import { typeMessages } from "../messages";
import { BASIC_NAMES, BasicName, GoType, StructField, isComparable } from "./ast";
import { layoutOf } from "./layout";
import { renderType } from "./render";

const MAX_TEXT = 500;
const MAX_DEPTH = 16;
const MAX_ARRAY_LENGTH = 1_000_000_000;

const GO_KEYWORDS = new Set([
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
  "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
  "struct", "switch", "type", "var",
]);

type Token = { kind: "ident" | "int" | "punct"; text: string; at: number };

const PUNCT = new Set(["*", "[", "]", "{", "}", "(", ")", ";", ","]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (code > 126) throw new InputError(typeMessages.nonAscii(text, i), text);
    if (c === " " || c === "\t") {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      tokens.push({ kind: "ident", text: text.slice(start, i), at: start });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < text.length && /[0-9A-Za-z_.]/.test(text[i])) i++;
      tokens.push({ kind: "int", text: text.slice(start, i), at: start });
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: "punct", text: c, at: i });
      i++;
    } else {
      throw new InputError(typeMessages.badChar(text, i), text);
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string, private readonly tokens: Token[]) {}

  parseAll(): GoType {
    const t = this.type(0);
    const next = this.peek();
    if (next) throw new InputError(typeMessages.trailing(this.text, this.text.slice(next.at)), this.text);
    return t;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private fail(expected: string): never {
    const t = this.peek();
    const found = t ? JSON.stringify(t.text) : "the end";
    const at = t ? t.at : this.text.length;
    throw new InputError(typeMessages.unexpected(this.text, at, found, expected), this.text);
  }

  private expect(punct: string): void {
    const t = this.peek();
    if (!t || t.kind !== "punct" || t.text !== punct) this.fail(JSON.stringify(punct));
    this.pos++;
  }

  private accept(punct: string): boolean {
    const t = this.peek();
    if (t && t.kind === "punct" && t.text === punct) {
      this.pos++;
      return true;
    }
    return false;
  }

  private type(depth: number): GoType {
    if (depth > MAX_DEPTH) throw new InputError(typeMessages.tooDeep(this.text), this.text);
    const t = this.peek();
    if (!t) this.fail("a type");
    if (t.kind === "punct") {
      if (this.accept("*")) return { kind: "pointer", elem: this.type(depth + 1) };
      if (this.accept("(")) {
        const inner = this.type(depth + 1);
        this.expect(")");
        return inner;
      }
      if (this.accept("[")) {
        if (this.accept("]")) return { kind: "slice", elem: this.type(depth + 1) };
        // Decimal only: Go reads a leading 0 as octal ([010]int is [8]int), so that is refused.
        const len = this.peek();
        if (!len || len.kind !== "int") this.fail("an array length or \"]\"");
        if (!/^(0|[1-9][0-9]*)$/.test(len.text) || Number(len.text) > MAX_ARRAY_LENGTH) {
          throw new InputError(typeMessages.badArrayLength(this.text, len.text), this.text);
        }
        this.pos++;
        this.expect("]");
        return { kind: "array", length: Number(len.text), elem: this.type(depth + 1) };
      }
      this.fail("a type");
    }
    if (t.kind === "int") this.fail("a type");
    this.pos++;
    switch (t.text) {
      case "any":
        return { kind: "any" };
      case "interface":
        this.expect("{");
        this.expect("}");
        return { kind: "any" };
      case "map": {
        this.expect("[");
        const key = this.type(depth + 1);
        this.expect("]");
        const elem = this.type(depth + 1);
        return { kind: "map", key, elem };
      }
      case "struct":
        return { kind: "struct", fields: this.fields(depth) };
      default:
        if ((BASIC_NAMES as readonly string[]).includes(t.text)) return { kind: "basic", name: t.text as BasicName };
        throw new InputError(typeMessages.unknownName(this.text, t.text), this.text);
    }
  }

  private fields(depth: number): StructField[] {
    this.expect("{");
    const fields: StructField[] = [];
    const seen = new Set<string>();
    while (!this.accept("}")) {
      const names = [this.fieldName()];
      while (this.accept(",")) names.push(this.fieldName());
      const type = this.type(depth + 1);
      for (const name of names) {
        if (name !== "_" && seen.has(name)) throw new InputError(typeMessages.duplicateField(this.text, name), this.text);
        seen.add(name);
        fields.push({ name, type });
      }
      if (!this.accept(";")) {
        this.expect("}");
        break;
      }
    }
    return fields;
  }

  private fieldName(): string {
    const t = this.peek();
    if (!t || t.kind !== "ident") this.fail("a field name");
    if (GO_KEYWORDS.has(t.text)) throw new InputError(typeMessages.badFieldName(this.text, t.text), this.text);
    this.pos++;
    return t.text;
  }
}

function checkMapKeys(text: string, t: GoType): void {
  switch (t.kind) {
    case "map":
      if (!isComparable(t.key)) {
        throw new InputError(typeMessages.notComparable(text, renderType(t.key)), text);
      }
      checkMapKeys(text, t.key);
      checkMapKeys(text, t.elem);
      return;
    case "pointer":
    case "slice":
    case "array":
      checkMapKeys(text, t.elem);
      return;
    case "struct":
      t.fields.forEach((f) => checkMapKeys(text, f.type));
      return;
    default:
      return;
  }
}

/**
 * Parses a Go type expression, checks that map keys are comparable and that the type fits in
 * memory, and returns its tree. Throws InputError with a message naming the bad part.
 */
export function parseGoType(text: string): GoType {
  const known = typeof text === "string" ? parsed.get(text) : undefined;
  if (known) return known;
  if (typeof text !== "string" || text.trim() === "") throw new InputError(typeMessages.empty(), String(text));
  if (text.length > MAX_TEXT) throw new InputError(typeMessages.tooLong(text.length), text.slice(0, 40));
  const t = new Parser(text, tokenize(text)).parseAll();
  checkMapKeys(text, t);
  if (layoutOf(t) === null) throw new InputError(typeMessages.tooLarge(text), text);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(text, t);
  return t;
}

/**
 * Types already parsed, by their text: a batch of a million cases names a handful of types, and
 * parsing them again was most of a simple case's time. Trees are never modified, so they are shared.
 */
const parsed = new Map<string, GoType>();
const MAX_PARSED = 10_000;
