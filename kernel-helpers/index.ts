/**
 * golab's public API for notebooks and scripts: what a chapter cell calls. The Jupyter runner
 * (./jupyter) is not re-exported: its types would cost every notebook's first import seconds of
 * type-checking in tslab, and no cell needs it.
 */
export * from "./case";
export { codeCase, TemplateValue } from "./code/template";
export * from "./types";
export * from "./result";
export * from "./errors";
export { measure, benchmark, BenchmarkResult, MeasureOptions, MeasureResult, DEFAULT_RUNS, DEFAULT_MEM_CAP } from "./measure";
export { findToolchain, Toolchain } from "./go";
export { shownProgram, buildCommand } from "./probe";
export { trace, experiment24, TraceOptions, TraceResult, TraceAllocation, TraceMode, Experiment24Result, DEFAULT_WORKLOAD } from "./trace";
export {
  observe, ObservationStore, ObserveOptions, Observation, Source, describeSource, summarizeSources, simulateBeside, BesideRow,
  SimulatedAsMeasured, LiveObservation, LiveVersion,
} from "./store";
export { ResultCache, cacheInfo, clearCache } from "./cache";
export { GC_LATENCY_BENCHTIME, GC_LATENCY_RUNS, PPROF_BYTES, INLINING_BUILD_ARGS, inliningProgram, gcLatency, gcTrace, gcTraceDocumentation, parseGcTrace, profileInlining, fragmentation, fragmentationProgram, fragmentationCommands, summarizeFragmentation, fragmentationStability, summarizeGcLatency, describeInterval, GcLatencyRow, GcTraceLine, InliningProfile, FragmentationSample } from "./experiments";
export { loadClaims, computeVerdicts, decideClaims, gatherEvidence, withLiveExperiments, claimExperiments, evidenceFrom, evidenceOf, instantiate, runtimeSources, verdictsJson, VERDICT_KINDS, claimsSummary, Claim, ClaimVerdict, Evidence } from "./claims";
export { simulatedAllocationsTable, SimulatedByGo, versionColumns, mallocsText, escapeCell, pathCell, breakpointColumns, benchmarkColumns, CellText, resultsTable, allocationsTable, verdictsTable, verdictPartsTable, verdictRows, escapeTable, tracedAllocationsTable, tracedCountsTable, allocationPaths } from "./table";
export { groupedBars, growthLines, matrix, renderSvg } from "./chart";
export { showProgram, showGoSource, programMarkdown, showByVersion, showVerdict, showChart, showTable, showMarkdown, showVerdicts, showBeside, showSimulatedBeside, casesBeside, simulatedBesideCounts, simulatedBesideSentence, observeWithProgress, progress, setDisplaySink } from "./display";
export { validationMatrix, readDataset, recordedDatasets } from "./record";
export { observeMapOrSlice, costPoints, timingPoints, decisionSource, costChart, timingChart, decisionGuide } from "./decision";
export { lookupProgram, MAP_OR_SLICE_SIZES, OWN_CODE_DEFAULTS, ownCodeSnippets, ownSnippet, OwnCodeParameters, OwnCodeSnippet, OwnCodeRow } from "./experiments";
export { observeOwnCode, ownCodeChart, showOwnCodePrograms, showOwnCodeCounts, showOwnCodeLines, showOwnCodeEscapes, showOwnCodeSimulated, ownCodePredictions, ownCodeSimulatedCounts, ownCodeSimulatedAllocations, ownCodeDifferences, OwnCodeModel, ownCodeCounts, ownCodeLines, ownCodeEscapes, ownCodeSource, OwnCodeObservations } from "./owncode";
export { simulate, simulateCounts, agreement, MODELLED_VERSIONS, DEFAULT_SEEDS, DEFAULT_SIM_GO, SimulateOptions, SimResult, SimCounts, Agreement } from "./sim";
export * as aq from "arquero";
