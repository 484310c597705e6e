/**
 * Chapter 5's measurements through the store: the collection costs run (or come from the result
 * cache) where Go runs and are read from data/experiments elsewhere; the timings are read from
 * data/experiments unless the reader asks to time them again (`retime`: a minute or so per Go
 * version on a 2-core machine, too long for the course's budget by default).
 */
import { mapOrSliceCostsExperiment, mapOrSliceTimingsExperiment } from "../experiments";
import { ObservationStore, onEveryVersion, recordedLiveObservation } from "../store";
import { CostObservation, TimingObservation } from "./rows";

export interface MapOrSliceObservations {
  costs: CostObservation[];
  timings: TimingObservation[];
}

/** Both experiments on every version of the store, each observation with its source. */
export async function observeMapOrSlice(store: ObservationStore, { retime = false }: { retime?: boolean } = {}): Promise<MapOrSliceObservations> {
  const c = mapOrSliceCostsExperiment();
  const t = mapOrSliceTimingsExperiment();
  const costs = await onEveryVersion(store, c.name, c.inputs, (v) => c.run(v.spec));
  const timings = retime
    ? await onEveryVersion(store, t.name, t.inputs, (v) => t.run(v.spec))
    : store.versions.map((v) => recordedLiveObservation(v.spec, t.name, t.inputs));
  return { costs, timings };
}
