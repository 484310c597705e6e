/** `golab claims [--go V...] [--recorded] [--json]`: every claim's verdict, computed now. */
import { Command } from "commander";
import { computeVerdicts, gatherEvidence, loadClaims } from "../claims";

export function addClaimsCommand(program: Command): void {
  program
    .command("claims")
    .description("test every claim of the article: verdicts per Go version, computed from runs")
    .option("--go <versions...>", "Go versions", ["1.19", "1.26", "1.27"])
    .option("--recorded", "use the recorded datasets only (measure nothing)", false)
    .option("--no-cache", "measure everything now, and store nothing (default: read and fill the result cache)")
    .option("--json", "print the verdicts as JSON", false)
    .option("--quiet", "no progress lines on stderr", false)
    .action(async (o) => {
      const claims = loadClaims();
      const evidence = await gatherEvidence(claims, {
        versions: o.go, live: !o.recorded, cache: o.cache, onProgress: o.quiet ? undefined : (m) => process.stderr.write(`golab: ${m}\n`),
      });
      const verdicts = computeVerdicts(claims, evidence);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(verdicts.map((v) => ({
          id: v.claim.id, claim: v.claim.claim, overall: v.overall,
          byVersion: v.byVersion.map(({ go, source, verdict, reason }) => ({ go, source, verdict, reason })),
        })), null, 2)}\n`);
        return;
      }
      for (const v of verdicts) {
        process.stdout.write(`${v.claim.id}  ${v.overall.toUpperCase()}  ${v.claim.claim}\n`);
        for (const b of v.byVersion) process.stdout.write(`      Go ${b.go} (${b.source}): ${b.verdict}: ${b.reason}\n`);
      }
    });
}
