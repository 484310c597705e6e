/** Reads what a probe prints (see harness.ts) and checks it before use. */
import { GolabError } from "../errors";
import { measureMessages } from "../messages";
import { COLUMNS } from "./harness";

export type Column = (typeof COLUMNS)[number];

/** One call of one probe: MemStats and metrics deltas, plus the allocation-size histogram. */
export interface ProbeSample {
  run: number;
  caseIndex: number;
  values: Record<Column, number>;
  /** Allocations by size bucket: [lowest size, highest size] in bytes, count. */
  bySize: { min: number; max: number | null; count: number }[];
}

/** Parses a probe's stdout into samples[caseIndex][run]; throws on anything unexpected. */
export function parseProbeOutput(stdout: string, caseCount: number, runs: number): ProbeSample[][] {
  const lines = stdout.split("\n").filter((l) => l !== "");
  const samples: ProbeSample[][] = Array.from({ length: caseCount }, () => []);
  let bounds: number[] | null = null;
  let ended = false;
  let count = 0;
  for (const line of lines) {
    const parts = line.split(" ");
    if (parts[0] === "B") {
      bounds = parts.slice(1).map(parseBound);
      assertProbe(bounds.every((b) => !Number.isNaN(b)), line);
    } else if (parts[0] === "M") {
      assertProbe(bounds !== null && parts.length >= 3 + COLUMNS.length, line);
      const [run, caseIndex] = [Number(parts[1]), Number(parts[2])];
      assertProbe(Number.isInteger(run) && run >= 0 && run < runs && Number.isInteger(caseIndex) && caseIndex >= 0 && caseIndex < caseCount, line);
      const values = {} as Record<Column, number>;
      COLUMNS.forEach((col, i) => {
        const v = Number(parts[3 + i]);
        assertProbe(Number.isSafeInteger(v), line);
        values[col] = v;
      });
      const bySize = parts.slice(3 + COLUMNS.length).map((cell) => {
        const [bucket, n] = cell.split(":").map(Number);
        assertProbe(Number.isInteger(bucket) && bucket >= 0 && bucket + 1 < bounds!.length && Number.isSafeInteger(n), line);
        return bucketRange(bounds!, bucket, n);
      });
      samples[caseIndex].push({ run, caseIndex, values, bySize });
      count++;
    } else if (parts[0] === "END") {
      ended = true;
    } else {
      assertProbe(false, line);
    }
  }
  if (!ended || count !== caseCount * runs) throw new GolabError(measureMessages.probeMissing(caseCount * runs, count));
  return samples;
}

/**
 * Bucket i holds sizes in [bounds[i], bounds[i+1]); the runtime puts each size class's objects
 * in the bucket whose upper bound is one more than the class size, and large objects in the last.
 */
function bucketRange(bounds: number[], i: number, count: number): { min: number; max: number | null; count: number } {
  const lo = bounds[i];
  const hi = bounds[i + 1];
  return { min: Number.isFinite(lo) ? Math.max(0, Math.ceil(lo)) : 0, max: Number.isFinite(hi) ? Math.ceil(hi) - 1 : null, count };
}

/** Go prints infinite bucket edges as +Inf and -Inf. */
function parseBound(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}

function assertProbe(ok: boolean, line: string): asserts ok {
  if (!ok) throw new GolabError(measureMessages.probeOutput(line));
}
