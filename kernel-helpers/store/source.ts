/**
 * Where a number came from, as a type: run just now, read from the result cache (with the date it
 * was measured), read from a recorded dataset (file and date), or computed by the simulator (which
 * model). Pages and the CLI print it with `describeSource`; nothing compares its text.
 */

export type Source =
  | { kind: "live" }
  | { kind: "cached"; at: string }
  | { kind: "recorded"; file: string; at: string }
  | { kind: "simulated"; model: string };

export type SourceKind = Source["kind"];

/** The day of an ISO date: "2026-12-01". */
const day = (iso: string) => iso.slice(0, 10);

/** "measured now", "cached 2026-12-01", "recorded 2026-11-24", "simulated (model of Go 1.26.8)". */
export function describeSource(s: Source, verb = "measured"): string {
  switch (s.kind) {
    case "live":
      return `${verb} now`;
    case "cached":
      return `cached, ${verb} ${day(s.at)}`;
    case "recorded":
      return `recorded ${day(s.at)}`;
    case "simulated":
      return `simulated (${s.model})`;
  }
}

/**
 * Several sources in one phrase, counted when they differ: "measured now",
 * "3 measured now, 40 cached (measured 2026-12-01)", "recorded 2026-11-24".
 */
export function summarizeSources(sources: readonly Source[], verb = "measured"): string {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const text = describeSource(s, verb);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  if (counts.size === 0) return "nothing";
  if (counts.size === 1) return [...counts.keys()][0];
  return [...counts].map(([text, n]) => `${n} ${text}`).join(", ");
}

/** True for a number a real Go runtime produced (now, cached or recorded), not the simulator. */
export function fromRuntime(s: Source): boolean {
  return s.kind !== "simulated";
}
