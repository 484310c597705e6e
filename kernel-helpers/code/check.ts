/**
 * checkCode: the user's snippets read by Go's own parser before anything is compiled (the checker
 * program, built once per toolchain and cached), then held to the rules of a code case: no
 * package clause, no func main, a func probe() that takes and returns nothing, and imports from
 * the standard library of the Go version that will compile it. A refusal or a syntax error is a
 * CodeError at the user's own line.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { probesDir } from "../cache/root";
import { CodeError } from "../errors";
import { Toolchain } from "../go";
import { codeMessages } from "../messages";
import { runProcess, withTempDir } from "../proc";
import { buildDir } from "../cache/build-dir";
import { CHECKER_SOURCE } from "./checker";
import { UserCode } from "./files";

/** What the checker says about one snippet (checked by assertReports before use). */
interface Report {
  packageClause: boolean;
  errors: { line: number; column: number; message: string }[];
  imports: { path: string; line: number }[];
  funcs: { name: string; line: number; method: boolean; params: number; results: number; typeParams: number }[];
}

/** Checks every snippet of a batch; throws a CodeError for the first that breaks a rule. */
export async function checkCode(code: readonly UserCode[], tc: Toolchain): Promise<void> {
  if (code.length === 0) return;
  const checker = await checkerBinary(tc);
  const run = await withTempDir("check", (dir) => {
    const input = path.join(dir, "snippets.json");
    fs.writeFileSync(input, JSON.stringify(code.map((c) => c.source)));
    return runProcess(checker, [input], { timeoutMs: 60_000 });
  });
  const reports: unknown = JSON.parse(run.stdout);
  assertReports(reports, code.length);
  code.forEach((c, i) => holdToRules(c, reports[i], tc));
}

function holdToRules(c: UserCode, r: Report, tc: Toolchain): void {
  const at = (line: number, column = 0) => `${c.name}:${line}${column ? `:${column}` : ""}`;
  if (r.packageClause) throw new CodeError(codeMessages.packageClause(c.name), { name: c.name });
  if (r.errors.length > 0) {
    // The parser may say more than once what is wrong on one line: the first per line is enough.
    const firstPerLine = r.errors.filter((e, i) => r.errors.findIndex((f) => f.line === e.line) === i);
    const diagnostics = firstPerLine.map((e) => `${at(e.line, e.column)}: ${e.message}`);
    throw new CodeError(codeMessages.doesNotParse(c.name, diagnostics), { name: c.name, diagnostics });
  }
  for (const imp of r.imports) {
    if (!isStandardPackage(imp.path, tc.goroot)) throw new CodeError(codeMessages.notStandard(at(imp.line), imp.path, tc.version), { name: c.name });
  }
  const funcs = r.funcs.filter((f) => !f.method);
  const main = funcs.find((f) => f.name === "main");
  if (main) throw new CodeError(codeMessages.hasMain(at(main.line)), { name: c.name });
  const probe = funcs.find((f) => f.name === "probe");
  if (!probe) throw new CodeError(codeMessages.noProbe(c.name), { name: c.name });
  if (probe.params + probe.results + probe.typeParams > 0) throw new CodeError(codeMessages.probeSignature(at(probe.line)), { name: c.name });
}

/**
 * A package of the toolchain's standard library that user code may import: a folder of Go files
 * under GOROOT/src, outside cmd, internal and vendor trees (which Go forbids importing from user
 * code). "C" (cgo) and module paths are not.
 */
export function isStandardPackage(importPath: string, goroot: string): boolean {
  const parts = importPath.split("/");
  if (!/^[a-z0-9_/]+$/i.test(importPath) || parts.some((p) => p === "" || p === "internal" || p === "vendor" || p === "testdata")) return false;
  if (parts[0] === "cmd") return false;
  const dir = path.join(goroot, "src", ...parts);
  try {
    return fs.readdirSync(dir).some((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
  } catch {
    return false;
  }
}

/** The checker, built once per toolchain into the probes folder. */
async function checkerBinary(tc: Toolchain): Promise<string> {
  const key = createHash("sha256").update(JSON.stringify([CHECKER_SOURCE, tc.version, tc.goarch])).digest("hex").slice(0, 24);
  const cached = path.join(probesDir(), `checker-${key}`);
  if (fs.existsSync(path.join(cached, "checker"))) return path.join(cached, "checker");
  // A read-only cache: the checker is built into a temporary folder instead.
  const dir = buildDir(cached);
  const binary = path.join(dir, "checker");
  await withTempDir("checker", async (work) => {
    fs.writeFileSync(path.join(work, "main.go"), CHECKER_SOURCE);
    fs.writeFileSync(path.join(work, "go.mod"), "module golabchecker\n\ngo 1.19\n");
    const out = path.join(work, "out");
    fs.mkdirSync(out);
    const gotmp = path.join(work, "gotmp");
    fs.mkdirSync(gotmp);
    await runProcess(tc.goBinary, ["build", "-o", path.join(out, "checker"), "."], { cwd: work, env: { ...tc.env, GOTMPDIR: gotmp }, timeoutMs: 300_000 });
    try {
      fs.renameSync(out, dir);
    } catch (e) {
      if (!fs.existsSync(binary)) throw e;
    }
  });
  return binary;
}

const isInt = (x: unknown) => Number.isSafeInteger(x);

/** The checker's output, checked field by field before it is believed. */
function assertReports(x: unknown, count: number): asserts x is Report[] {
  const ok = Array.isArray(x) && x.length === count && x.every((r) => typeof r === "object" && r !== null
    && typeof r.packageClause === "boolean"
    && Array.isArray(r.errors) && r.errors.every((e: Record<string, unknown>) => isInt(e.line) && isInt(e.column) && typeof e.message === "string")
    && Array.isArray(r.imports) && r.imports.every((e: Record<string, unknown>) => typeof e.path === "string" && isInt(e.line))
    && Array.isArray(r.funcs) && r.funcs.every((f: Record<string, unknown>) => typeof f.name === "string" && isInt(f.line) && typeof f.method === "boolean"
      && isInt(f.params) && isInt(f.results) && isInt(f.typeParams)));
  if (!ok) throw new Error(codeMessages.checkerOutput(JSON.stringify(x).slice(0, 200)));
}
