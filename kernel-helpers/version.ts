/** golab's own version (package.json), part of every result-cache key and of `golab --version`. */
import * as fs from "node:fs";
import * as path from "node:path";

let version: string | undefined;

/** The version in package.json, read once. */
export function golabVersion(): string {
  if (version === undefined) {
    const file = path.resolve(__dirname, "..", "..", "package.json");
    version = (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  }
  return version;
}
