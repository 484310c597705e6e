/**
 * The simulator beside the runtime, as a page shows it: how many agree, per Go version, and only
 * the rows that disagree (a table of 150 "yes" rows teaches nothing).
 */
import * as aq from "arquero";
import { simulateBeside, ObservationStore } from "../store";
import { showMarkdown, showTable } from "./show";

export function showBeside(store: ObservationStore): void {
  const rows = simulateBeside(store);
  const byGo = [...new Set(rows.map((r) => r.go))].map((go) => {
    const mine = rows.filter((r) => r.go === go);
    const compared = mine.filter((r) => r.agree !== null);
    const alone = mine.length - compared.length;
    return `Go ${go}: ${compared.filter((r) => r.agree).length} of ${compared.length} agree${alone ? `; ${alone} simulated only (no run)` : ""}`;
  });
  const disagree = rows.filter((r) => r.agree === false);
  showMarkdown(`**The simulator beside the runtime.** ${byGo.join(". ")}.${disagree.length ? "" : " Every result a run gave is what the model predicts."}`);
  if (disagree.length) {
    showTable(aq.from(disagree.map((r) => ({ case: r.case, build: r.build, go: r.go, measured: r.measured, simulated: r.simulatedRange || r.simulated, source: r.source, differences: r.differences }))),
      { caption: `Where the simulator and the runtime disagree (${disagree.length})` });
  }
}
