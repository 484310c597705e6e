/** Finding a Go version's recorded datasets in data/measurements. */
import * as fs from "node:fs";
import * as path from "node:path";
import { Dataset, readDataset } from "./dataset";
import { measurementsDir } from "./record";

/**
 * The recorded datasets of a version: "1.19" matches go1.19.8.jsonl, go1.19.8-N-l.jsonl and a
 * matrix's own file such as go1.19.8.strings.jsonl (only names of that exact shape; a leftover
 * go1.19.8.jsonl.1234.tmp is not a dataset).
 */
export function recordedDatasets(version: string, dir = measurementsDir()): Dataset[] {
  const escaped = version.replace(/\./g, "\\.");
  const name = new RegExp(`^go${escaped}(\\.\\d+)*(-N-l)?(\\.[a-z]+)?\\.jsonl$`);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => name.test(f)) : [];
  return files.sort().map((f) => readDataset(path.join(dir, f)));
}
