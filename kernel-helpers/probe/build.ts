/**
 * buildProbe: writes a generated probe to a temporary module, builds it with the chosen toolchain
 * and flags, and keeps the binary and the compiler's escape report in a cache keyed by
 * (source, flags, Go version, GOEXPERIMENT), so a probe is built once.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { probesDir } from "../cache/root";
import { checkCode } from "../code/check";
import { compileDiagnostics, isEscapeNote } from "../code/terms";
import { BuildDiagnostic, CodeError, GoBuildError, ProcessError } from "../errors";
import { Toolchain } from "../go";
import { codeMessages, measureMessages } from "../messages";
import { runProcess, withTempDir } from "../proc";
import { buildDir } from "../cache/build-dir";
import { GeneratedProbe, PROBE_MODULE } from "./generate";

export interface BuildOptions {
  /** `-gcflags=all=-N -l`: the article's debug build, which changes what is allocated. */
  debug?: boolean;
  /** Milliseconds for `go build`. Default 5 minutes (a cold build cache compiles the runtime). */
  timeoutMs?: number;
  /**
   * Keep the symbol table and DWARF, which a debugger needs (trace). Default true. Without them
   * (measure) the link takes about a third less time; the code, and so what it allocates, is the same.
   */
  debugInfo?: boolean;
}

export interface BuiltProbe {
  binary: string;
  /** The compiler's `-m` report for the probe package. */
  escapeReport: string;
  /** The gcflags the probe was built with, as passed to go build. */
  gcflags: string[];
  /** True when the binary came from the cache. */
  cached: boolean;
}

/**
 * Whether measure links a probe with its symbol table and DWARF: only a -N -l probe, which trace
 * reuses for the cases it traces (an optimized one links about a third faster without them).
 */
export function measuredWithDebugInfo(debug: boolean): boolean {
  return debug;
}

/** The -ldflags argument: none, or `-s -w` (no symbol table, no DWARF) for a build no debugger reads. */
export function ldflagsFor(debugInfo: boolean): string[] {
  return debugInfo ? [] : ["-ldflags=-s -w"];
}

/**
 * The -gcflags arguments: -m for the probe's packages only (main, and the packages of code cases
 * when `withCode`), -N -l for everything in debug mode.
 */
export function gcflagsFor(debug: boolean, withCode = false): string[] {
  const own = withCode ? `${PROBE_MODULE}/...` : PROBE_MODULE;
  return debug
    ? ["-gcflags=all=-N -l", `-gcflags=${own}=-N -l -m`]
    : [`-gcflags=${own}=-m`];
}

export async function buildProbe(probe: GeneratedProbe, tc: Toolchain, { debug = false, timeoutMs = 300_000, debugInfo = true }: BuildOptions = {}): Promise<BuiltProbe> {
  const gcflags = gcflagsFor(debug, probe.files.length > 0);
  const ldflags = ldflagsFor(debugInfo);
  const key = createHash("sha256")
    .update(JSON.stringify([probe.source, probe.goMod, gcflags, tc.version, tc.goexperiment, tc.goarch, ...(probe.files.length > 0 ? [probe.files] : []), ...ldflags]))
    .digest("hex")
    .slice(0, 24);
  const cached = path.join(probesDir(), key);
  if (fs.existsSync(path.join(cached, "probe")) && fs.existsSync(path.join(cached, "escape.txt"))) {
    return { binary: path.join(cached, "probe"), escapeReport: fs.readFileSync(path.join(cached, "escape.txt"), "utf8"), gcflags, cached: true };
  }
  // The users' code is read by Go's parser and held to the rules before it is compiled.
  await checkCode(probe.userCode, tc);
  const dir = buildDir(cached);
  const binary = path.join(dir, "probe");
  const reportFile = path.join(dir, "escape.txt");
  await withTempDir("build", async (work) => {
    fs.writeFileSync(path.join(work, "main.go"), probe.source);
    fs.writeFileSync(path.join(work, "go.mod"), probe.goMod);
    for (const f of probe.files) {
      fs.mkdirSync(path.dirname(path.join(work, f.path)), { recursive: true });
      fs.writeFileSync(path.join(work, f.path), f.source);
    }
    const out = path.join(work, "out");
    fs.mkdirSync(out);
    let result;
    try {
      // go build's own work folder goes inside ours, so a killed build leaves nothing in /tmp.
      const gotmp = path.join(work, "gotmp");
      fs.mkdirSync(gotmp);
      const env = { ...tc.env, GOTMPDIR: gotmp };
      result = await runProcess(tc.goBinary, ["build", "-o", path.join(out, "probe"), ...gcflags, ...ldflags, "."], { cwd: work, env, timeoutMs });
    } catch (e) {
      if (e instanceof ProcessError) throw buildError(e, probe, tc);
      throw e;
    }
    fs.writeFileSync(path.join(out, "escape.txt"), result.stderr);
    // Another process may have built the same probe meanwhile: either copy is good. (An
    // uncached probe's folder is empty, and rename replaces an empty folder.)
    try {
      fs.renameSync(out, dir);
    } catch (e) {
      if (!fs.existsSync(binary)) throw e;
    }
  });
  return { binary, escapeReport: fs.readFileSync(reportFile, "utf8"), gcflags, cached: false };
}

function buildError(e: ProcessError, probe: GeneratedProbe, tc: Toolchain): GoBuildError | CodeError {
  const user = compileDiagnostics(e.stderr, probe.userCode, PROBE_MODULE);
  if (user.length > 0) {
    // The user's code does not compile: the compiler's own messages about the first such case.
    const name = probe.userCode.find((c) => c.caseIndex === user[0].caseIndex)!.name;
    const lines = user.filter((d) => d.caseIndex === user[0].caseIndex).map((d) => d.text);
    return new CodeError(codeMessages.doesNotCompile(name, tc.version, lines), { name, diagnostics: lines, cause: e });
  }
  const diagnostics: BuildDiagnostic[] = [];
  for (const line of e.stderr.split("\n")) {
    const m = /^\.?\/?main\.go:(\d+):(\d+): (.*)$/.exec(line.trim());
    if (!m || isEscapeNote(m[3])) continue;
    const n = Number(m[1]);
    const index = probe.caseLines.findIndex((r) => n >= r.start && n <= r.end);
    diagnostics.push({ line: n, column: Number(m[2]), message: m[3], caseIndex: index < 0 ? null : index });
  }
  const first = diagnostics[0];
  const summary = first ? `${first.caseIndex === null ? "" : `case ${first.caseIndex + 1}: `}${first.message}` : e.stderr.trim().split("\n").slice(-1)[0] ?? "";
  return new GoBuildError(measureMessages.buildFailed(tc.version, summary), { diagnostics, goVersion: tc.version, cause: e });
}
