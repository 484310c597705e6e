/**
 * Finds the Go toolchain for a version the user names. The lab may use exactly three:
 * the machine's own Go (1.26), Go 1.27.3 through GOTOOLCHAIN, and Debian's Go 1.19; or any go
 * binary given by path. The module proxy is never asked at measurement time (GOPROXY=off): a
 * toolchain that set-up did not install is reported as missing, not silently downloaded.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GolabError, InputError, MissingToolError } from "../errors";
import { goMessages } from "../messages";
import { runProcess } from "../proc";

export interface Toolchain {
  /** Full version, e.g. "1.26.8". */
  version: string;
  /** The go command to run. */
  goBinary: string;
  /** Environment for every go command and probe of this toolchain. */
  env: NodeJS.ProcessEnv;
  goarch: string;
  goos: string;
  goroot: string;
  /** GOEXPERIMENT as the toolchain reports it (its default plus what the caller set). */
  goexperiment: string;
}

/** Where Debian's golang-1.19-go package puts its go command. */
export const DEBIAN_GO119 = "/usr/lib/go-1.19/bin/go";
/** The one toolchain the module proxy may be asked for (by set-up, not here). */
export const GO127_TOOLCHAIN = "go1.27.3";

export interface ToolchainOptions {
  /** GOEXPERIMENT for builds, e.g. "sizespecializedmalloc"; validated. */
  goexperiment?: string;
}

const cache = new Map<string, Promise<Toolchain>>();

/**
 * Resolves "1.19", "1.26", "1.27" (optionally with a patch: "1.26.8"), a path to a go binary, or
 * undefined (the machine's own go on PATH).
 */
export function findToolchain(spec: string | undefined, options: ToolchainOptions = {}): Promise<Toolchain> {
  const key = `${spec ?? ""}|${options.goexperiment ?? ""}`;
  let found = cache.get(key);
  if (!found) {
    found = resolve(spec, options);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

function baseEnv(goexperiment: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOPROXY: "off",
    GOFLAGS: "-mod=mod",
    GOWORK: "off",
    GO111MODULE: "on",
    CGO_ENABLED: "0",
    GOTOOLCHAIN: "local",
  };
  delete env.GOEXPERIMENT;
  delete env.GOGC;
  delete env.GODEBUG;
  delete env.GOROOT;
  if (goexperiment !== undefined) env.GOEXPERIMENT = goexperiment;
  return env;
}

async function resolve(spec: string | undefined, { goexperiment }: ToolchainOptions): Promise<Toolchain> {
  if (goexperiment !== undefined && !/^[a-z0-9]*(,[a-z0-9]+)*$/.test(goexperiment)) {
    throw new InputError(goMessages.badExperiment(goexperiment), goexperiment);
  }
  const env = baseEnv(goexperiment);
  if (spec === undefined || spec === "") return describe("go", env, undefined);
  if (spec.includes("/")) {
    if (!fs.existsSync(spec) || !fs.statSync(spec).isFile()) throw new MissingToolError(goMessages.noGoAtPath(spec), "go");
    try {
      fs.accessSync(spec, fs.constants.X_OK);
    } catch {
      throw new MissingToolError(goMessages.notExecutable(spec), "go");
    }
    return describe(path.resolve(spec), env, undefined, undefined, spec);
  }
  const { minor, wanted } = parseGoVersion(spec);
  if (minor === "19") {
    if (!fs.existsSync(DEBIAN_GO119)) throw new MissingToolError(goMessages.notInstalled(wanted, goMessages.installHint119()), "go1.19");
    return describe(DEBIAN_GO119, env, wanted);
  }
  if (minor === "27") {
    return describe("go", { ...env, GOTOOLCHAIN: GO127_TOOLCHAIN }, wanted, goMessages.installHint127());
  }
  return describe("go", env, wanted);
}

/** `given`: the path the user named, when it was a path (its failure is said of that path). */
async function describe(goBinary: string, env: NodeJS.ProcessEnv, wanted: string | undefined, hint?: string, given?: string): Promise<Toolchain> {
  let out: string;
  try {
    out = (await runProcess(goBinary, ["env", "GOVERSION", "GOARCH", "GOOS", "GOROOT", "GOEXPERIMENT"], { env, timeoutMs: 60_000 })).stdout;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    const what = wanted ?? "(the machine's go)";
    if (missing) throw new MissingToolError(goMessages.notInstalled(what, goMessages.installHintLocal()), "go");
    // go env refuses an experiment its version does not have: the user's input, not a missing Go.
    const unknownExperiment = e instanceof GolabError ? /unknown GOEXPERIMENT (\S+)/.exec(e.message) : null;
    if (unknownExperiment) throw new InputError(goMessages.unknownExperiment(env.GOEXPERIMENT ?? "", unknownExperiment[1], wanted ? `Go ${wanted}` : "the go on PATH"), unknownExperiment[1].slice(0, 40));
    if (e instanceof GolabError && given !== undefined) throw new MissingToolError(goMessages.notWorkingGo(given, e.message), "go");
    if (e instanceof GolabError) throw new MissingToolError(goMessages.notInstalled(what, hint ?? e.message), "go");
    throw e;
  }
  const [goversion = "", goarch = "", goos = "", goroot = "", experiment = ""] = out.split("\n").map((s) => s.trim());
  const version = goversion.replace(/^go/, "");
  if (!/^1\.\d+(\.\d+)?/.test(version)) throw new MissingToolError(goMessages.unreadableVersion(goBinary, out), "go");
  if (wanted !== undefined && version !== wanted && !version.startsWith(`${wanted}.`)) {
    throw new MissingToolError(goMessages.notInstalled(wanted, `The go on PATH is ${version}. ${hint ?? goMessages.installHintLocal()}`), "go");
  }
  return { version, goBinary, env, goarch, goos, goroot, goexperiment: experiment };
}

/**
 * A Go version the lab may use, as a user names it: "1.19", "1.26", "1.27", optionally with a
 * patch or a "go" prefix. One parser for every command (measure, trace, claims, notebooks).
 */
export function parseGoVersion(spec: string): { minor: "19" | "26" | "27"; wanted: string } {
  const m = /^(?:go)?1\.(19|26|27)(?:\.(\d+))?$/.exec(spec);
  if (!m) throw new InputError(goMessages.unknownVersion(spec.length > 40 ? `${spec.slice(0, 40)}…` : spec), spec.slice(0, 40));
  const [, minor, patch] = m;
  return { minor: minor as "19" | "26" | "27", wanted: patch === undefined ? `1.${minor}` : `1.${minor}.${patch}` };
}

/** "1.26.8" → "1.26": the language version written into a probe's go.mod. */
export function languageVersion(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}
