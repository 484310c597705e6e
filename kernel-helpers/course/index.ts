/** The course: the chapter notebooks, run headless and exported to HTML pages. */
export { exportCourse, ExportOptions, ExportResult } from "./export";
export { chapters, notebooksDir, Chapter } from "./chapters";
export { preparePage, sectionsOf, SHOW_CODE_TAG, TYPESCRIPT_LANGUAGE_INFO } from "./page";
export { chaptersOffSource, findJupytextPython } from "./sources";
export { headings, headingId, firstParagraph, inlineHtml, plainText } from "./markdown";
export { ensureWorkingCopies, workingCopyDir } from "./working-copy";
export { indexPage, ChapterPage, IndexFacts, COURSE_TITLE } from "./index-page";
export { verdictsIn, LessonVerdict } from "./verdicts";
