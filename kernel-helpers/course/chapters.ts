/** The course's chapters: the notebooks in notebooks/, in order, with their titles and summaries. */
import * as fs from "node:fs";
import * as path from "node:path";
import { firstParagraph, plainText } from "./markdown";

export interface Chapter {
  /** "ch1" */
  name: string;
  file: string;
  /** The notebook's first heading, as plain text (no Markdown backticks). */
  title: string;
  /** The first paragraph after it (Markdown): what the chapter is about. */
  summary: string;
}

/** The project's notebooks folder. */
export function notebooksDir(): string {
  return path.resolve(__dirname, "..", "..", "..", "notebooks");
}

/** The chapter notebooks (chN.ipynb), in chapter order. */
export function chapters(dir = notebooksDir()): Chapter[] {
  return fs.readdirSync(dir)
    .filter((f) => /^ch\d+\.ipynb$/.test(f))
    .sort((a, b) => parseInt(a.slice(2)) - parseInt(b.slice(2)))
    .map((f) => {
      const file = path.join(dir, f);
      const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
      const first = nb.cells.find((c) => c.cell_type === "markdown");
      const text = first ? (Array.isArray(first.source) ? first.source.join("") : first.source) : "";
      const heading = /^#\s+(.+)$/m.exec(text)?.[1];
      const title = heading ? plainText(heading) : f;
      return { name: f.replace(/\.ipynb$/, ""), file, title, summary: firstParagraph(text) };
    });
}
