/** The course's live parts: the simulator and interactive charts inside the exported pages. */
export { makePageLive, writeLiveFiles, LivePageMetadata } from "./pages";
export { buildLiveBundle, browserEntry, LiveBundle } from "./bundle";
export { whatIf, caseFromInputs, allocationRows, pageSeeds, pageLoop, AllocationRow, WhatIf, PAGE_MAX_HINT, PAGE_MAX_INSERTS, PAGE_LISTED_ALLOCATIONS, PAGE_WORK } from "./whatif";
export { allocationsChart, CHART_MAX_ALLOCATIONS } from "./chart";
export { chapterPanels, parameterSizes, CHAPTER_PANELS, Panel, PanelTemplate } from "./panels";
export { panelHtml, whatIfSectionHtml, LIVE_SCRIPT, PLAYGROUND_PAGE } from "./markup";
export { playgroundPage, PLAYGROUND_CASE } from "./playground-page";
