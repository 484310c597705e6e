/**
 * The part of a generated probe a reader needs: the probe function of each case (with its sink
 * and key helpers), the set-up that fills map keys before the measurement, and the `go build`
 * command with the flags the lab builds with. Cut out of generateProbe's own text (by its
 * caseLines), so what a page shows is what was measured; never written a second time.
 */
import { Case } from "../case";
import { gcflagsFor, ldflagsFor, measuredWithDebugInfo } from "./build";
import { generateProbe } from "./generate";

export interface ShownProgram {
  /** Go source: the cases' declarations and probe functions, then setup() when a case needs one. */
  code: string;
  /** The pieces of `code`, each a verbatim piece of the generated main.go. */
  parts: string[];
  /** One `go build …` command per build kind asked for, flags quoted as a shell reads them. */
  builds: { debug: boolean; command: string }[];
}

/** `go build` as typed in a shell, with the flags the lab passes to measure (build.ts gcflagsFor, ldflagsFor). */
export function buildCommand(debug: boolean): string {
  const quoted = (f: string) => (/\s/.test(f) ? f.replace(/^(-[a-z]+=)(.*)$/, "$1'$2'") : f);
  return ["go", "build", ...gcflagsFor(debug).map(quoted), ...ldflagsFor(measuredWithDebugInfo(debug)).map(quoted), "."].join(" ");
}

/** The text of the top-level function `func name(` in `source`, up to its closing brace. */
function functionText(source: string, name: string): string | undefined {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`func ${name}(`));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l === "}");
  return lines.slice(start, end + 1).join("\n");
}

/**
 * What a page shows of the program that measures `cases` (numbered probe0, probe1… in the order
 * given, as one generated program numbers them), built optimized and/or with `-N -l`.
 */
export function shownProgram(cases: readonly Case[], { builds = [false] }: { builds?: readonly boolean[] } = {}): ShownProgram {
  // The language version only goes into go.mod, which is not shown (and lets slices.Grow be shown).
  const probe = generateProbe(cases, "1.26");
  const lines = probe.source.split("\n");
  const parts = probe.caseLines.map((r) => lines.slice(r.start - 1, r.end).join("\n").trim());
  const setup = functionText(probe.source, "setup");
  // setup() is empty ("func setup() {\n}") unless a case fills map keys before it is measured.
  if (setup && setup.split("\n").length > 2) parts.push(setup);
  return { code: parts.join("\n\n"), parts, builds: [...new Set(builds)].map((debug) => ({ debug, command: buildCommand(debug) })) };
}
