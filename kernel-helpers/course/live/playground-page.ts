/**
 * playground.html: any case (short form or JSON) on the Go versions the reader picks, each
 * version's allocations side by side with the runtime's reasons, computed in the page by
 * golab-live.js. The case and versions live in the URL's fragment, so a link shares them and
 * nothing is sent anywhere.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { escapeHtml } from "../../display/escape";
import { OFFLINE_TEMPLATE_DIR } from "../../jupyter/export";
import { htmlDocument } from "../html-page";
import { OPERATIONS } from "../../case";
import { MODELLED_VERSIONS } from "../../sim";
import { LIVE_SCRIPT, playgroundFormHtml } from "./markup";

/** The case the playground opens with, when its URL names none. */
export const PLAYGROUND_CASE = "make(map[int]int, 1000)";

const TITLE = "golab playground: what does this Go operation allocate?";

/** The playground page; `index` is the course's index page it links back to. */
export function playgroundPage({ index }: { index: { href: string; title: string } }): string {
  const liveCss = fs.readFileSync(path.join(OFFLINE_TEMPLATE_DIR, "golab-offline", "golab-live.css"), "utf8");
  return htmlDocument({
    title: TITLE,
    css: `
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
code { background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
nav { padding-bottom: 0.6rem; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
${liveCss}
`,
    body: `
<nav><a href="${escapeHtml(index.href)}">${escapeHtml(index.title)}</a></nav>
<main>
<h1>${escapeHtml(TITLE)}</h1>
<p>Type a case: a short form such as <code>make(map[string]int, 100)</code>, <code>make([]byte, 33)</code>,
<code>_ = make([]int, 0, 1000)</code>, <code>append([]int, 1000)</code>, <code>insert(map[string]int, 100)</code>,
<code>new(int32) [4 times]</code>, <code>make(chan *int, 8)</code>, <code>any(int(300))</code> or <code>closure(int) [reassigned]</code>, or JSON such as <code>{"op":"mapinsert","key":"int","elem":"int","n":1000}</code>
(ops ${OPERATIONS.map((op) => `<code>${op}</code>`).join(", ")}). golab's simulator, the code behind
<code>golab predict</code>, answers here in your browser for each Go version you pick: every allocation, its size class, its
path and the runtime's reason. Nothing is measured and nothing leaves the page; the link below carries the case, so you can share it.</p>
${playgroundFormHtml({ versions: MODELLED_VERSIONS, initial: PLAYGROUND_CASE, checked: MODELLED_VERSIONS })}
</main>
<script src="${LIVE_SCRIPT}"></script>
`,
  });
}
