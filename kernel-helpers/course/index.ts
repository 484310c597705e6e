/** The course: the chapter notebooks, run headless and exported to HTML. */
export { exportCourse, ExportOptions, ExportResult } from "./export";
export { chapters, notebooksDir, Chapter } from "./chapters";
