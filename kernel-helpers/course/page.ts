/**
 * An executed chapter made ready for its page: its title, TypeScript as its language (tslab's
 * executed notebooks carry no language_info, so nbconvert would highlight it as Python), code
 * hidden unless asked for, and what the template needs for navigation and the table of contents.
 */
import { Notebook, sourceOf } from "../jupyter";
import { headings } from "./markdown";

/** A code cell tagged so shows its code on the page even without --show-code. */
export const SHOW_CODE_TAG = "show-code";
/** Tags nbconvert's TagRemovePreprocessor acts on (jupyter/export.ts passes them). */
export const REMOVE_INPUT_TAG = "remove-input";
export const REMOVE_CELL_TAG = "remove-cell";

/** What pygments and the page need to know about the notebooks' language. */
export const TYPESCRIPT_LANGUAGE_INFO = {
  name: "typescript", pygments_lexer: "typescript", codemirror_mode: "typescript", file_extension: ".ts", mimetype: "text/typescript",
};

export interface PageLink {
  href: string;
  title: string;
}

/** What the page template reads from the notebook's metadata.golab. */
export interface PageNavigation {
  index: PageLink;
  previous?: PageLink;
  next?: PageLink;
  /** The chapter's sections (## headings), in order. */
  toc: { id: string; text: string }[];
}

function tagged(tags: unknown, tag: string): boolean {
  return Array.isArray(tags) && tags.includes(tag);
}

/** The chapter's sections: its second-level headings. */
export function sectionsOf(nb: Notebook): { id: string; text: string }[] {
  return nb.cells.filter((c) => c.cell_type === "markdown").flatMap((c) => headings(sourceOf(c))).filter((h) => h.level === 2).map(({ id, text }) => ({ id, text }));
}

/** A copy of the executed notebook, ready for nbconvert and the golab-offline template. */
export function preparePage(nb: Notebook, { title, showCode, navigation }: { title: string; showCode: boolean; navigation: Omit<PageNavigation, "toc"> }): Notebook {
  const cells = nb.cells.map((cell) => {
    if (cell.cell_type !== "code" || showCode || tagged(cell.metadata?.tags, SHOW_CODE_TAG)) return cell;
    const outputs = (cell as { outputs?: unknown[] }).outputs ?? [];
    // Plumbing: its code is hidden, and a cell that shows nothing goes altogether.
    const tag = outputs.length ? REMOVE_INPUT_TAG : REMOVE_CELL_TAG;
    const tags = Array.isArray(cell.metadata?.tags) ? (cell.metadata.tags as string[]) : [];
    return { ...cell, metadata: { ...cell.metadata, tags: [...tags, tag] } };
  });
  const golab: PageNavigation = { ...navigation, toc: sectionsOf(nb) };
  return { ...nb, cells, metadata: { ...nb.metadata, title, language_info: TYPESCRIPT_LANGUAGE_INFO, golab } } as unknown as Notebook;
}
