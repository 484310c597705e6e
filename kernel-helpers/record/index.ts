/** Recorded datasets: the validation matrix measured per Go version, and the live-only experiments, with provenance. */
export * from "./dataset";
export { validationMatrix } from "./matrix";
export { record, RecordOptions, measurementsDir, RECORD_RUNS, MATRIX_NAME, MATRICES, MatrixChoice, matrixOf } from "./record";
export { stringsMatrix, STRINGS_MATRIX_NAME } from "./string-matrix";
export { recordedDatasets } from "./recorded";
export * from "./experiments-file";
export { recordExperiments, RecordExperimentsOptions } from "./record-experiments";
export { checkLiveResult, FieldError } from "./experiment-checks";
