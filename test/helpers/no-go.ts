/**
 * A PATH on which no `go` can be found, for tests of what works on a machine without Go. Folders
 * with no go stay as they are; a folder that holds go beside other tools (/usr/bin on Debian's
 * golang-go) is replaced by a folder of symlinks to everything in it but go and gofmt.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const GO_TOOLS = new Set(["go", "gofmt"]);

/** PATH without go; symlink folders are made under `dir`, which the caller removes. */
export function pathWithoutGo(dir: string, pathVar = process.env.PATH ?? ""): string {
  return pathVar.split(path.delimiter).filter(Boolean).map((entry, i) => {
    if (!fs.existsSync(path.join(entry, "go"))) return entry;
    const copy = path.join(dir, `path-${i}`);
    fs.mkdirSync(copy, { recursive: true });
    for (const name of fs.readdirSync(entry)) {
      if (!GO_TOOLS.has(name)) fs.symlinkSync(path.join(entry, name), path.join(copy, name));
    }
    return copy;
  }).join(path.delimiter);
}

/** Is there a go on this PATH? */
export function goOnPath(pathVar: string): boolean {
  return pathVar.split(path.delimiter).some((entry) => entry !== "" && fs.existsSync(path.join(entry, "go")));
}
