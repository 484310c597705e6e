/**
 * The little Markdown the course's own pages need: a chapter's headings (for its table of
 * contents) and its opening paragraph as HTML (for the index), inline code, emphasis and links.
 */
import { escapeHtml } from "../display/escape";

/** "What a `GODEBUG=gctrace=1` line says" → "What a GODEBUG=gctrace=1 line says": the text a heading shows. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(\*|_)(\S(?:.*?\S)?)\1/g, "$2")
    .trim();
}

/** Inline Markdown as HTML: `code`, **strong**, *em*, [text](link) kept as text (pages link nowhere outside). */
export function inlineHtml(markdown: string): string {
  const parts = markdown.split(/(`[^`]*`)/);
  return parts.map((p) => (p.startsWith("`") && p.endsWith("`") && p.length > 1
    ? `<code>${escapeHtml(p.slice(1, -1))}</code>`
    : escapeHtml(p)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/\*(\S(?:.*?\S)?)\*/g, "<em>$1</em>"))).join("");
}

export interface Heading {
  level: number;
  text: string;
  /** The id nbconvert gives the heading: its text with spaces as hyphens, URL-quoted (headingId). */
  id: string;
}

/** Characters Python's `quote` leaves alone with nbconvert's `safe` (nbconvert/filters/strings.py). */
const UNQUOTED = /^[A-Za-z0-9_.~\-?/:@!$&'()*+,;=]$/;

/** The id nbconvert gives a heading of this text: spaces as hyphens, then `quote(…, safe="?/:@!$&'()*+,;=")`. */
export function headingId(text: string): string {
  return [...text.replace(/ /g, "-")].map((ch) => (UNQUOTED.test(ch) ? ch : encodeURIComponent(ch))).join("");
}

/** The ATX headings (`## …`) of a Markdown text, outside fenced code. */
export function headings(markdown: string): Heading[] {
  const out: Heading[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) {
      const text = plainText(m[2]);
      out.push({ level: m[1].length, text, id: headingId(text) });
    }
  }
  return out;
}

/**
 * A chapter's summary: its first prose paragraph (headings, tables, lists and code left out) that
 * does not end with a colon (one that introduces a code block or a table), unwrapped.
 */
export function firstParagraph(markdown: string): string {
  const withoutCode = markdown.replace(/^(```|~~~)[^]*?^\1\s*$/gm, "");
  const prose = withoutCode.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b && !/^(#|\||[-*+] |\d+\. |>)/.test(b));
  const chosen = prose.find((b) => !b.endsWith(":")) ?? prose[0] ?? "";
  return chosen.replace(/\s*\n\s*/g, " ");
}
