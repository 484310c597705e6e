/** Recorded datasets: the validation matrix measured per Go version, with provenance. */
export * from "./dataset";
export { validationMatrix } from "./matrix";
export { record, RecordOptions, measurementsDir, RECORD_RUNS, MATRIX_NAME } from "./record";
export { recordedDatasets } from "./recorded";
