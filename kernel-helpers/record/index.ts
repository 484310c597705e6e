/** Recorded datasets: the validation matrix measured per Go version, and the live-only experiments, with provenance. */
export * from "./dataset";
export { validationMatrix } from "./matrix";
export { objectsMatrix } from "./objects-matrix";
export { stringsMatrix } from "./string-matrix";
export { mapsMatrix } from "./map-matrix";
export { MATRICES, Matrix, matrixNamed } from "./matrices";
export { record, RecordOptions, measurementsDir, RECORD_RUNS } from "./record";
export { recordedDatasets } from "./recorded";
export * from "./experiments-file";
export { recordExperiments, RecordExperimentsOptions } from "./record-experiments";
export { checkLiveResult, FieldError } from "./experiment-checks";
