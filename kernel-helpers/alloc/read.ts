/**
 * The size classes of a Go toolchain on this machine, read from its own sizeclasses.go, and the
 * allocator's rules of that toolchain: so the tracer classifies by the traced toolchain's tables,
 * even for a version the lab has never seen. The only file of alloc/ that reads files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError } from "../errors";
import { allocMessages } from "../messages";
import { parseSizeClasses } from "./parse";
import { allocRules, AllocRules } from "./rules";
import { SizeClasses } from "./sizeclasses";

/**
 * Where sizeclasses.go lives under GOROOT, newest first: internal/runtime/gc/ (1.26.8, 1.27.3),
 * runtime/ (1.19.8).
 */
export const SIZE_CLASS_FILES: readonly string[] = ["src/internal/runtime/gc/sizeclasses.go", "src/runtime/sizeclasses.go"];

/** The Go version of the toolchain at `goroot`, from the first line of its VERSION file ("1.27.3"). */
export function goVersionAt(goroot: string): string {
  const file = path.join(goroot, "VERSION");
  if (!fs.existsSync(file)) throw new GolabError(allocMessages.noVersionFile(goroot));
  return fs.readFileSync(file, "utf8").split("\n")[0].trim().replace(/^go/, "");
}

/** The size classes of the toolchain at `goroot`, Go `version` (read from its VERSION file if not given). */
export function readSizeClasses(goroot: string, version = goVersionAt(goroot)): SizeClasses {
  const rel = SIZE_CLASS_FILES.find((f) => fs.existsSync(path.join(goroot, f)));
  if (!rel) throw new GolabError(allocMessages.noSizeClassFile(goroot, SIZE_CLASS_FILES));
  const file = path.join(goroot, rel);
  return { go: version, source: rel.replace(/^src\//, ""), ...parseSizeClasses(fs.readFileSync(file, "utf8"), file) };
}

const cache = new Map<string, AllocRules>();

/** The allocator's rules of the toolchain at `goroot`, Go `version` ("1.26.8"); read once. */
export function toolchainRules(goroot: string, version: string): AllocRules {
  const key = `${goroot}|${version}`;
  let rules = cache.get(key);
  if (!rules) cache.set(key, (rules = allocRules(version, readSizeClasses(goroot, version))));
  return rules;
}
