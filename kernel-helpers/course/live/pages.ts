/**
 * The export's live steps: each chapter page gets its "what if" section (when its notebook has
 * parameters) and the script; the export folder gets golab-live.js and playground.html.
 */
import * as path from "node:path";
import { Notebook } from "../../jupyter/notebook";
import { writeFileAtomically } from "../../output";
import { buildLiveBundle, LiveBundle } from "./bundle";
import { LIVE_SCRIPT, PLAYGROUND_PAGE, WHATIF_SECTION_ID, WHATIF_SECTION_TITLE, whatIfSectionHtml } from "./markup";
import { chapterPanels } from "./panels";
import { playgroundPage } from "./playground-page";

/** What a page's template reads from metadata.golab.live (templates/golab-offline). */
export interface LivePageMetadata {
  script: string;
  /** The "what if" section's HTML; empty for a chapter without parameters. */
  panels: string;
}

/**
 * A page made live: its charts become interactive, and, when the executed notebook has
 * parameters, its "what if" panels come after the last cell, listed in its table of contents.
 */
export function makePageLive(page: Notebook, { chapter, executed }: { chapter: string; executed: Notebook }): Notebook {
  const panels = chapterPanels(chapter, executed);
  const golab = (page.metadata.golab ?? {}) as { toc?: { id: string; text: string }[] };
  const toc = panels.length && golab.toc ? [...golab.toc, { id: WHATIF_SECTION_ID, text: WHATIF_SECTION_TITLE }] : golab.toc;
  const live: LivePageMetadata = { script: LIVE_SCRIPT, panels: panels.length ? whatIfSectionHtml(panels) : "" };
  return { ...page, metadata: { ...page.metadata, golab: { ...golab, ...(toc ? { toc } : {}), live } } } as unknown as Notebook;
}

/** Writes golab-live.js and playground.html into the export folder. */
export async function writeLiveFiles(outDir: string, { index }: { index: { href: string; title: string } }): Promise<{ bundle: LiveBundle; playground: string }> {
  const bundle = await buildLiveBundle(path.join(outDir, LIVE_SCRIPT));
  const playground = path.join(outDir, PLAYGROUND_PAGE);
  writeFileAtomically(playground, playgroundPage({ index }));
  return { bundle, playground };
}
