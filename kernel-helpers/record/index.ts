/** Recorded datasets: the validation matrix measured per Go version, and the live-only experiments, with provenance. */
export * from "./dataset";
export { validationMatrix } from "./matrix";
export { record, RecordOptions, measurementsDir, RECORD_RUNS, MATRIX_NAME } from "./record";
export { recordedDatasets } from "./recorded";
export * from "./experiments-file";
export { recordExperiments, RecordExperimentsOptions } from "./record-experiments";
export { checkLiveResult, FieldError } from "./experiment-checks";
