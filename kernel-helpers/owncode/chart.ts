/** Chapter 6's summary chart: mallocs per call of every program, a bar per Go version. */
import { ChartSpec, groupedBars } from "../chart";
import type { OwnCodeRow, OwnCodeSnippet } from "../experiments";
import { LiveObservation } from "../store";
import { ownCodeSource } from "./tables";

/** One bar per program and Go version that has data, in the chapter's order. */
export function ownCodeChart(snippets: readonly OwnCodeSnippet[], versions: readonly LiveObservation<OwnCodeRow[]>[]): ChartSpec {
  const rows = snippets.flatMap((s) => versions.flatMap((v) => {
    const r = v.result?.find((x) => x.name === s.name);
    return r ? [{ program: `${s.lesson} ${s.name}`, mallocs: r.mallocs, go: `Go ${v.go}` }] : [];
  }));
  return groupedBars(rows, { x: "program", y: "mallocs", color: "go", title: "Mallocs per call of probe(), every program of the chapter", source: ownCodeSource(versions) });
}
