/**
 * A chapter's "what if" panel (markup.ts): its inputs make a case with the panel's fixed fields,
 * which goes through the CLI's parser; every input answers at once.
 */
import { caseFromInputs } from "../whatif";
import { answer } from "./answer";

/** Brings one `.golab-whatif` panel to life; resolves once its first answer is shown. */
export function wirePanel(panel: HTMLElement): Promise<void> {
  const fixed = JSON.parse(panel.dataset.golabCase ?? "{}") as Record<string, unknown>;
  const title = panel.dataset.golabTitle ?? "what if";
  const form = panel.querySelector("form")!;
  const output = panel.querySelector<HTMLElement>(".golab-whatif-output")!;
  const inputs = [...form.querySelectorAll("input")];
  const select = form.querySelector("select")!;
  const update = () => {
    const values = Object.fromEntries(inputs.map((i) => [i.name, i.value]));
    const sizes = inputs.filter((i) => i.hasAttribute("data-golab-size")).map((i) => i.name);
    return answer(output, caseFromInputs(fixed, values, sizes), [select.value], title);
  };
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => void update());
  form.addEventListener("change", () => void update());
  return update();
}
