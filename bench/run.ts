/**
 * `npm run bench`: measures every benchmark in one run on this machine and prints ratio tables.
 * `--quick` samples fewer per-case programs (the ratio is then an estimate from the sample).
 */
import * as os from "node:os";
import { benchBatch } from "./measure-batch";

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  process.stdout.write(`machine: ${machine}\n\n`);
  const b = await benchBatch({ perCaseSample: quick ? 10 : 100 });
  process.stdout.write(
    `measure: ${b.cases} cases\n` +
      `| way | time | per case |\n|---|---|---|\n` +
      `| one batch (one build, one run) | ${(b.batchMs / 1000).toFixed(2)} s | ${(b.batchMs / b.cases).toFixed(1)} ms |\n` +
      `| one program per case (${b.perCaseSample} measured) | ${((b.perCaseMsEach * b.cases) / 1000).toFixed(2)} s | ${b.perCaseMsEach.toFixed(1)} ms |\n` +
      `| **ratio** | **${b.ratio.toFixed(1)}×** | |\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
