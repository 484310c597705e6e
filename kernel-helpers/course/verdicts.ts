/**
 * The index's verdict matrix, read from the run itself: each lesson's verdict output carries its
 * claim's verdicts as data (display/verdicts.ts, VERDICT_MIME), and the lesson is the `##`
 * section the output sits in, so the index links each claim to its lesson. Nothing is typed.
 */
import { VERDICT_MIME, VerdictData } from "../display/verdict-data";
import { Notebook, sourceOf } from "../jupyter";
import { Heading, headings } from "./markdown";

/** A claim's verdicts, with the lesson (its section of the chapter page) that tells it. */
export interface LessonVerdict extends VerdictData {
  lesson?: Pick<Heading, "text" | "id">;
}

/** The verdicts one executed chapter showed, in page order, each with its lesson. */
export function verdictsIn(nb: Notebook): LessonVerdict[] {
  const out: LessonVerdict[] = [];
  let lesson: Heading | undefined;
  for (const cell of nb.cells) {
    if (cell.cell_type === "markdown") {
      const sections = headings(sourceOf(cell)).filter((h) => h.level === 2);
      if (sections.length) lesson = sections[sections.length - 1];
      continue;
    }
    for (const o of (cell as { outputs?: { data?: Record<string, unknown> }[] }).outputs ?? []) {
      const v = o.data?.[VERDICT_MIME] as VerdictData | undefined;
      if (v && !out.some((x) => x.id === v.id)) out.push({ ...v, ...(lesson ? { lesson: { text: lesson.text, id: lesson.id } } : {}) });
    }
  }
  return out;
}
