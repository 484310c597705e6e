/**
 * playground.html: the case as typed (short form or JSON: parseCase reads both) on every checked
 * Go version. The case and the versions live in the URL's fragment (`#case=…&go=1.19.8,1.26.8`),
 * written as the reader types and read when the page opens or the fragment changes.
 */
import { liveMessages } from "../../../messages";
import { answer } from "./answer";

/** Brings the playground to life; resolves once its first answer is shown. */
export function wirePlayground(panel: HTMLElement): Promise<void> {
  const form = panel.querySelector("form")!;
  const caseInput = form.querySelector<HTMLInputElement>('input[name="case"]')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="go"]')];
  const output = panel.querySelector<HTMLElement>(".golab-whatif-output")!;
  const share = panel.querySelector<HTMLAnchorElement>(".golab-share-link")!;
  const fromFragment = () => {
    const params = new URLSearchParams(location.hash.slice(1));
    const text = params.get("case");
    if (text !== null) caseInput.value = text;
    const go = params.get("go");
    if (go !== null) for (const b of boxes) b.checked = go.split(",").includes(b.value);
  };
  const update = () => {
    const versions = boxes.filter((b) => b.checked).map((b) => b.value);
    const fragment = `#${new URLSearchParams({ case: caseInput.value, go: versions.join(",") })}`;
    share.href = fragment;
    share.textContent = `playground.html${fragment}`;
    if (location.hash !== fragment) history.replaceState(null, "", fragment);
    if (!versions.length) {
      output.replaceChildren(Object.assign(document.createElement("p"), { className: "golab-whatif-error", textContent: `golab: ${liveMessages.noVersion()}` }));
      return Promise.resolve();
    }
    return answer(output, caseInput.value, versions, caseInput.value.trim() || "case");
  };
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => void update());
  window.addEventListener("hashchange", () => {
    fromFragment();
    void update();
  });
  fromFragment();
  return update();
}
