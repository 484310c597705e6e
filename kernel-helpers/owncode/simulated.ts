/**
 * The simulator beside chapter 6's programs: a Case of the same shape as a program (or as one of
 * its lines), predicted per Go version with every allocation's size, size class and reason, next
 * to what the program measured per call (or, for one line, what its traced call allocated there).
 * The model runs without Go, so a reader with no toolchain and no recording still gets the
 * mechanism; where a version has a run, the two counts sit in one column and any difference is said.
 */
import * as aq from "arquero";
import { formatBytes } from "../bytes";
import { Case, describeCase, parseCase } from "../case";
import { showMarkdown, showTable } from "../display";
import { simulate, SimResult, versionModel } from "../sim";
import { simulatedAllocationsTable } from "../table";
import type { OwnCodeObservations } from "./observe";
import { ownCodeSource, versionColumnNames } from "./tables";

/** A simulator case that has the shape of a chapter program, or of one line of it. */
export interface OwnCodeModel {
  /** The program's file name ("concat.go"). */
  program: string;
  /** The line the case models, as the program writes it (trimmed); absent: the whole program. */
  line?: string;
  /** The case: a short form (`golab predict --help`) or a Case. */
  case: Case | string;
}

interface Counted {
  mallocs: number;
  allocatedBytes: number;
}

const countText = (c: Counted) => `${c.mallocs} malloc${c.mallocs === 1 ? "" : "s"}, ${formatBytes(c.allocatedBytes)}`;

/** The measured count of a model's program (per call), or what its traced call allocated at its line; undefined without data. */
function measuredOf(own: OwnCodeObservations, m: OwnCodeModel, go: string): Counted | undefined {
  const row = own.versions.find((v) => v.go === go)?.result?.find((r) => r.name === m.program);
  if (!row) return undefined;
  if (m.line === undefined) return row;
  const at = lineNumber(own, m);
  const line = row.lines.find((l) => l.line === at);
  return line ?? { mallocs: 0, allocatedBytes: 0 };
}

/** The 1-based line of `m.line` in its program; a model naming no line of it is a chapter bug, said at once. */
function lineNumber(own: OwnCodeObservations, m: OwnCodeModel): number {
  const snippet = own.snippets.find((s) => s.name === m.program);
  if (!snippet) throw new Error(`no program ${m.program} in this chapter`);
  const at = snippet.case.source.split("\n").findIndex((l) => l.trim() === m.line);
  if (at < 0) throw new Error(`${m.program} has no line ${JSON.stringify(m.line)}`);
  return at + 1;
}

/** The model's prediction on `go`, or undefined where that version is not modelled. */
function predict(c: Case, go: string): SimResult | undefined {
  try {
    versionModel(go);
  } catch {
    return undefined;
  }
  return simulate(c, { go });
}

/** One model predicted on each of the chapter's versions. */
interface Predicted {
  model: OwnCodeModel;
  case: Case;
  byGo: { go: string; measured?: Counted; simulated?: SimResult }[];
}

/** Every model predicted on every version of `own`, beside what that version measured. */
export function ownCodePredictions(own: OwnCodeObservations, models: readonly OwnCodeModel[]): Predicted[] {
  return models.map((model) => {
    const c = parseCase(model.case);
    return { model, case: c, byGo: own.versions.map((v) => ({ go: v.go, measured: measuredOf(own, model, v.go), simulated: predict(c, v.go) })) };
  });
}

const column = (go: string) => `Go ${go}`;
const where = (m: OwnCodeModel) => (m.line === undefined ? "the whole program, per call" : `${m.line} (traced call)`);

/** Two rows per model, Go versions as columns: what the program measured (or its line traced), what the model predicts. */
export function ownCodeSimulatedCounts(predicted: readonly Predicted[]): aq.ColumnTable {
  return aq.from(predicted.flatMap((p) => [
    { program: p.model.program, of: where(p.model), result: p.model.line === undefined ? "measured" : "traced", ...Object.fromEntries(p.byGo.map((g) => [column(g.go), g.measured ? countText(g.measured) : "—"])) },
    { program: p.model.program, of: where(p.model), result: `simulated: ${describeCase(p.case)}`, ...Object.fromEntries(p.byGo.map((g) => [column(g.go), g.simulated ? countText(g.simulated) : "— (not modelled)"])) },
  ]));
}

/** "concat.go on Go 1.19: measured <count>; simulated <count>", for each version where both exist and differ. */
export function ownCodeDifferences(predicted: readonly Predicted[]): string[] {
  return predicted.flatMap((p) => p.byGo
    .filter((g) => g.measured && g.simulated && (g.measured.mallocs !== g.simulated.mallocs || g.measured.allocatedBytes !== g.simulated.allocatedBytes))
    .map((g) => `${p.model.program}${p.model.line === undefined ? "" : ` (${p.model.line})`} on Go ${g.go}: ${p.model.line === undefined ? "measured" : "traced"} ${countText(g.measured!)}; simulated ${countText(g.simulated!)}`));
}

/**
 * Every simulated allocation of each model with its reason, the Go versions whose model explains
 * it the same way in one row (table/simulated.ts).
 */
export function ownCodeSimulatedAllocations(predicted: readonly Predicted[]): aq.ColumnTable {
  return simulatedAllocationsTable(predicted);
}

/**
 * Shows the models of a lesson: the counts beside the measured ones (and a line naming each
 * version where they differ), then per case every simulated allocation with its reason.
 */
export function showOwnCodeSimulated(own: OwnCodeObservations, models: readonly OwnCodeModel[]): void {
  const predicted = ownCodePredictions(own, models);
  showTable(ownCodeSimulatedCounts(predicted), {
    keep: versionColumnNames(own.versions),
    caption: `Simulated (the model of each Go version, no Go run) beside measured or traced (${ownCodeSource(own.versions)})`,
  });
  const differ = ownCodeDifferences(predicted);
  const compared = predicted.some((p) => p.byGo.some((g) => g.measured && g.simulated));
  showMarkdown(differ.length ? `**Simulated and measured (or traced) differ:** ${differ.join(". ")}.` : compared ? "Simulated and measured (or traced) agree on every version with a run: mallocs and bytes taken." : "Nothing measured to compare with: the simulated rows stand alone.");
  // A table per case: a long one (a loop's 99 strings) would otherwise hide the short ones in its fold.
  for (const p of predicted) {
    showTable(ownCodeSimulatedAllocations([p]), { caption: `${describeCase(p.case)} (${where(p.model)}): each simulated allocation and why (versions whose model explains it alike share a row)` });
  }
}
