/** `golab cache info|clear`: what the result cache and the probe cache hold, and emptying them. */
import { Command } from "commander";
import { SUMMARIES } from "./summaries";
import { cacheInfo, CacheInfo, clearCache } from "../cache";
import { cacheMessages } from "../messages";
import { formatBytes } from "../bytes";


function formatInfo(i: CacheInfo): string {
  const counts = (o: Record<string, number>) => Object.entries(o).sort().map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  return [
    `cache: ${i.root}`,
    `results: ${i.results.entries} in ${i.results.dir} (${formatBytes(i.results.bytes)})`,
    ...(i.results.entries ? [
      `  by kind: ${counts(i.results.byKind)}`,
      `  by Go version: ${counts(i.results.byGo)}`,
      `  made from ${i.results.oldest?.slice(0, 19)} to ${i.results.newest?.slice(0, 19)}`,
    ] : []),
    `built probes: ${i.probes.builds} in ${i.probes.dir} (${formatBytes(i.probes.bytes)})`,
  ].join("\n") + "\n";
}

export function addCacheCommand(program: Command): void {
  const cache = program
    .command("cache")
    .description(SUMMARIES.cache);
  cache
    .command("info")
    .description("where the cache is and what it holds")
    .option("--json", "print the summary as JSON", false)
    .action((o) => {
      const info = cacheInfo();
      process.stdout.write(o.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
    });
  cache
    .command("clear")
    .description("remove every cached result and built probe (they are made again when needed)")
    .action(() => {
      const info = clearCache();
      process.stdout.write(`${cacheMessages.cleared(info.results.entries, info.probes.builds, info.root)}\n`);
    });
}
