/**
 * An observation: one experiment's result on one Go toolchain, with where it came from. Every
 * number a page, a claim or the CLI shows is read from observations.
 */
import { Experiment } from "../case";
import { Toolchain } from "../go";
import { MeasureResult } from "../measure";
import { Source } from "./source";

/** The toolchain a result belongs to (what the result cache keys on besides the case). */
export interface ToolchainId {
  /** Full Go version, e.g. "1.26.8". */
  go: string;
  goarch: string;
  goexperiment: string;
}

/** A result in the measured shape that the simulator produced (pages fill gaps with these). */
export type SimulatedAsMeasured = Omit<MeasureResult, "backend"> & { backend: "simulate" };

/** What measure-shaped observations hold: a run's result, or the simulator's in the same shape. */
export type Measured = MeasureResult | SimulatedAsMeasured;

export interface Observation<R = Measured> {
  experiment: Experiment;
  toolchain: ToolchainId;
  source: Source;
  result: R;
}

/** A version where Go runs now: live experiments (traces, benchmarks) run on these. */
export interface LiveVersion {
  /** What was asked for, e.g. "1.19". */
  spec: string;
  /** Full Go version. */
  go: string;
  toolchain: Toolchain;
}
