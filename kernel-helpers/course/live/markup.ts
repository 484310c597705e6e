/**
 * The markup of the live parts, written at export time; golab-live.js (browser/) brings it to
 * life. It is a contract for tools outside the project (README, "The course"): each panel is an
 * element with class `golab-whatif` holding its `input`s (named after the case's fields) and a
 * `select name="go"` (the playground: `input name="case"` and checkboxes `name="go"`); its
 * results go into the element with class `golab-whatif-output`. Without JavaScript the output
 * says what the panel would do, and the page is otherwise unchanged.
 */
import { escapeHtml } from "../../display/escape";
import { liveMessages } from "../../messages";
import { Panel } from "./panels";

/** The one script every live page loads (a file beside the pages: no network, works from file://). */
export const LIVE_SCRIPT = "golab-live.js";
/** The playground's file name in the export. */
export const PLAYGROUND_PAGE = "playground.html";
/** The id of a chapter's "what if" section (its table of contents links it). */
export const WHATIF_SECTION_ID = "what-if";
export const WHATIF_SECTION_TITLE = "What if? (simulated in your browser)";

const attr = (v: string) => escapeHtml(v);

function inputHtml(i: { name: string; label: string; value: string; size: boolean }): string {
  const extra = i.size ? ` inputmode="numeric" size="10" data-golab-size` : ` size="14"`;
  return `<label>${escapeHtml(i.label)} <input name="${attr(i.name)}" value="${attr(i.value)}" spellcheck="false" autocomplete="off"${extra}></label>`;
}

function versionSelect(versions: readonly string[], go: string): string {
  const options = versions.map((v) => `<option value="${attr(v)}"${v === go ? " selected" : ""}>Go ${escapeHtml(v)}</option>`).join("");
  return `<label>Go version <select name="go">${options}</select></label>`;
}

const output = `<div class="golab-whatif-output" aria-live="polite"><p class="golab-whatif-note">${escapeHtml(liveMessages.noJavaScript())}</p></div>`;

/** One panel: the case it asks, its inputs, and the place for its results. */
export function panelHtml(p: Panel): string {
  return `<section class="golab-whatif" data-golab-case="${attr(JSON.stringify(p.fixed))}" data-golab-title="${attr(p.title)}">
<p class="golab-whatif-title">${escapeHtml(p.title)}</p>
<form class="golab-whatif-inputs">${p.inputs.map(inputHtml).join(" ")} ${versionSelect(p.versions, p.go)}</form>
${output}
</section>`;
}

/** A chapter's "what if" section: a sentence saying what it is, then its panels. */
export function whatIfSectionHtml(panels: readonly Panel[]): string {
  return `<section class="golab-whatifs" id="${WHATIF_SECTION_ID}" aria-label="what if">
<h2>${escapeHtml(WHATIF_SECTION_TITLE)}</h2>
<p>Change a size or a type and the allocations below change at once: golab's simulator (the code behind <code>golab predict</code>) runs in this page,
with nothing sent anywhere. Its numbers are simulated, not measured; the chapter's own tables above say which of theirs were measured.
Any case, on several Go versions side by side: <a href="${PLAYGROUND_PAGE}">the playground</a>.</p>
${panels.map(panelHtml).join("\n")}
</section>`;
}

/** The playground's form: any case (short form or JSON) and the Go versions to compare. */
export function playgroundFormHtml({ versions, initial, checked }: { versions: readonly string[]; initial: string; checked: readonly string[] }): string {
  const boxes = versions.map((v) => `<label><input type="checkbox" name="go" value="${attr(v)}"${checked.includes(v) ? " checked" : ""}> Go ${escapeHtml(v)}</label>`).join(" ");
  return `<section class="golab-whatif golab-playground">
<form class="golab-whatif-inputs">
<label class="golab-case">case <input name="case" value="${attr(initial)}" spellcheck="false" autocomplete="off"></label>
<fieldset><legend>Go versions</legend>${boxes}</fieldset>
</form>
<p class="golab-share">Link to this case: <a class="golab-share-link" href="#">${escapeHtml(PLAYGROUND_PAGE)}</a></p>
${output}
</section>`;
}
