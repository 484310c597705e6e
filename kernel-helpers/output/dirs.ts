/**
 * Folders for output, made and checked without Node's recursive mkdir: under /proc, where mkdir
 * answers ENOENT for a parent that exists, `mkdirSync(dir, { recursive: true })` retries forever
 * at full CPU and never returns to the event loop, so not even SIGINT stops it. Here every loop
 * climbs towards "/" or walks down a finite list, so none can spin.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputError } from "../errors";
import { outputMessages } from "../messages";

function kindOf(p: string): "folder" | "other" | "none" {
  try {
    return fs.statSync(p).isDirectory() ? "folder" : "other";
  } catch {
    return "none";
  }
}

/** Throws the one-line error for a failed write or mkdir at `target`. */
export function failedAt(target: string, e: unknown): never {
  if (e instanceof OutputError) throw e;
  const code = (e as NodeJS.ErrnoException).code ?? "";
  throw new OutputError(outputMessages.cannotWrite(target, code, (e as Error).message), target, code, { cause: e });
}

/** The nearest part of `dir`'s path that exists (a folder), and the folders below it still missing, top down. */
function missingBelowExisting(dir: string): { existing: string; missing: string[] } {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let at = target;
  while (kindOf(at) === "none") {
    const up = path.dirname(at);
    if (up === at) break;
    missing.unshift(at);
    at = up;
  }
  if (kindOf(at) !== "folder") throw new OutputError(outputMessages.notFolder(target, at), target, "ENOTDIR");
  return { existing: at, missing };
}

/** Makes `dir` and any missing parents (mkdir -p); an OutputError when that cannot be done. */
export function makeDirs(dir: string): void {
  const { missing } = missingBelowExisting(dir);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && kindOf(d) === "folder") continue;
      failedAt(path.resolve(dir), e);
    }
  }
}

/**
 * Checks, before any work starts, that `dir` is a folder golab can write in, or one it can make:
 * the nearest part of the path that exists must be a folder in which an entry can be made (one is
 * made and removed again). Nothing is left behind. An OutputError says what is wrong.
 */
export function checkOutputDir(dir: string): void {
  const target = path.resolve(dir);
  const { existing } = missingBelowExisting(target);
  const probe = path.join(existing, `.golab-write-check-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    fs.mkdirSync(probe);
  } catch (e) {
    failedAt(target, e);
  }
  fs.rmdirSync(probe);
}

/** checkOutputDir for the file's folder, and the file, if it exists, must not be a folder. */
export function checkOutputFile(file: string): void {
  checkOutputDir(path.dirname(file));
  if (kindOf(file) === "folder") throw new OutputError(outputMessages.cannotWrite(path.resolve(file), "EISDIR", ""), path.resolve(file), "EISDIR");
}
