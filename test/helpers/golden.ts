/** Golden files: compare with a stored file; UPDATE_GOLDEN=1 rewrites it instead. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

/** Source tree path of a golden file (tests run from dist/, goldens live beside the sources). */
export function goldenPath(...parts: string[]): string {
  return path.resolve(__dirname, "..", "..", "..", "test", ...parts);
}

export function assertGolden(actual: string, ...parts: string[]): void {
  const file = goldenPath(...parts);
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${file} is missing: run with UPDATE_GOLDEN=1 once and review it`);
  assert.equal(actual, fs.readFileSync(file, "utf8"), `output differs from ${file}`);
}
