/** `golab claims [--go V...] [--recorded] [--json]`: every claim's verdict, computed now, explained. */
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import type * as Claims from "../claims";
import { parseGoVersion } from "../go";

const ALL_VERSIONS: readonly string[] = ["1.19", "1.26", "1.27"];

/** Each --go value checked by the one Go-version parser (a version no command can run is refused). */
const goVersions = (value: string, previous: readonly string[]): string[] => {
  parseGoVersion(value);
  // Commander passes the default first: the first value given on the command line replaces it.
  return previous === ALL_VERSIONS ? [value] : [...previous, value];
};

export function addClaimsCommand(program: Command): void {
  program
    .command("claims")
    .description(SUMMARIES.claims)
    .option("--go <versions...>", "Go versions: 1.19, 1.26, 1.27", goVersions, ALL_VERSIONS)
    .option("--recorded", "use the recorded datasets only (measure nothing)", false)
    .option("--no-cache", "measure everything now, and store nothing (default: read and fill the result cache)")
    .option("--json", "print the verdicts as JSON", false)
    .option("--brief", "verdicts and reasons only, without the explanations", false)
    .option("--quiet", "no progress lines on stderr", false)
    .action(async (o) => {
      // Loaded when the command runs: `golab claims --help` needs none of it.
      const { computeVerdicts, gatherEvidence, loadClaims, runtimeSources, verdictsJson } = (require("../claims") as typeof Claims);
      const claims = loadClaims();
      const evidence = await gatherEvidence(claims, {
        versions: o.go, live: !o.recorded, cache: o.cache, onProgress: o.quiet ? undefined : (m) => process.stderr.write(`golab: ${m}\n`),
      });
      const verdicts = computeVerdicts(claims, evidence, { sources: await runtimeSources(o.go) });
      if (o.json) {
        process.stdout.write(`${JSON.stringify(verdictsJson(verdicts), null, 2)}\n`);
        return;
      }
      for (const v of verdicts) {
        process.stdout.write(`${v.claim.id}  ${v.overall.toUpperCase()}  ${v.claim.claim}\n`);
        for (const b of v.byVersion) {
          process.stdout.write(`      Go ${b.go} (${b.source}): ${b.verdict}: ${b.reason}\n`);
          if (o.brief) continue;
          for (const m of b.explanation.measured) process.stdout.write(`        measured: ${m}\n`);
          for (const w of b.explanation.why) process.stdout.write(`        why: ${w}\n`);
        }
      }
    });
}
