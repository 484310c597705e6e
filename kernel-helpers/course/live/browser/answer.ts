/**
 * Answers a case on some Go versions into a panel's output: one hash seed at once, then, for a
 * hash-dependent case, the page's full run after the first answer is painted. A newer input
 * cancels the older run, so typing stays quick.
 */
import { whatIf } from "../whatif";
import { showAnswers, VersionAnswer } from "./results";

const generation = new WeakMap<HTMLElement, number>();

/** Answers `input` on `versions` into `output`; resolves once the first answer is shown. */
export async function answer(output: HTMLElement, input: unknown, versions: readonly string[], title: string): Promise<void> {
  const mine = (generation.get(output) ?? 0) + 1;
  generation.set(output, mine);
  const quick: VersionAnswer[] = versions.map((go) => ({ go, answer: whatIf(input, { go, quick: true }) }));
  await showAnswers(output, quick, title);
  if (!quick.some((a) => a.answer.ok && a.answer.result.hashDependent)) return;
  output.dataset.golabPending = "true";
  setTimeout(() => {
    if (generation.get(output) !== mine) return;
    const full = versions.map((go) => ({ go, answer: whatIf(input, { go }) }));
    if (generation.get(output) !== mine) return;
    delete output.dataset.golabPending;
    void showAnswers(output, full, title);
  }, 50);
}
