/**
 * Which Delve debugs which Go. Delve supports the three latest Go releases at the time of each of
 * its own releases and refuses the rest (pkg/goversion/compat.go): v1.27.2 says Go 1.25 to 1.27
 * (MinSupportedVersionOfGoMinor = 25, MaxSupportedVersionOfGoMinor = 27), and Debian's v1.20.2
 * refuses Go 1.26 with "maximum supported version 1.20" while it debugs Go 1.19. So Delve 1.N
 * serves Go 1.(N-2) to 1.N. On this project's machines that means `.tools/bin/dlv` (v1.27.2,
 * installed by scripts/setup.sh) for Go 1.26 and 1.27, and Debian's `delve` package (`/usr/bin/dlv`,
 * v1.20.2) for Go 1.19. `GOLAB_DLV` names one dlv to use instead of looking.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MissingToolError } from "../errors";
import { traceMessages } from "../messages";
import { runProcess } from "../proc";

/**
 * How the Build line of the lab's own dlv (`dlv version`) starts: scripts/build-dlv.sh applies
 * ./patches/*.patch and stamps it "golab-" and a hash of them.
 */
export const LAB_DELVE_BUILD = "golab-";

/** A dlv binary and what it can debug. */
export interface DelveBinary {
  path: string;
  /** "1.27.2" */
  version: string;
  /** Go minor versions it supports, inclusive: [25, 27] for Delve 1.27. */
  goMinors: [number, number];
  /**
   * The lab's patched build (LAB_DELVE_BUILD, patches/): its eBPF tracepoints accept the runtime's
   * allocation entries, so trace's count mode can count with uprobes (../trace/count-uprobes.ts),
   * and its stops cost less (register cache, lean answers, short kill wait).
   */
  patched?: boolean;
}

/** Go 1.x minors supported by Delve `version`, or null for a Delve the lab knows nothing about. */
export function delveSupportRange(version: string): [number, number] | null {
  const m = /^1\.(\d+)\.\d+/.exec(version);
  if (!m) return null;
  const minor = Number(m[1]);
  // Before 1.20 the policy was looser and the lab has never checked it: not offered.
  if (minor < 20) return null;
  return [minor - 2, minor];
}

/** The Go minor version of "1.26.8" (26). */
export function goMinor(goVersion: string): number {
  const m = /^1\.(\d+)/.exec(goVersion);
  return m ? Number(m[1]) : NaN;
}

/** Where the lab looks for dlv, in order; GOLAB_DLV alone when it is set. */
export function delveCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.GOLAB_DLV) return [env.GOLAB_DLV];
  const projectRoot = path.resolve(__dirname, "..", "..", "..");
  const found = [path.join(projectRoot, ".tools", "bin", "dlv"), "/usr/bin/dlv"];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) if (dir) found.push(path.join(dir, "dlv"));
  found.push(path.join(env.GOPATH || path.join(os.homedir(), "go"), "bin", "dlv"));
  const seen = new Set<string>();
  return found.filter((p) => {
    let real: string;
    try {
      real = fs.realpathSync(p);
    } catch {
      return false;
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

const versions = new Map<string, Promise<DelveBinary | null>>();

/** Asks a dlv binary its version (`dlv version`), once per path; null when it is not a usable dlv. */
export function describeDelve(dlvPath: string): Promise<DelveBinary | null> {
  let found = versions.get(dlvPath);
  if (!found) {
    found = (async () => {
      try {
        const { stdout } = await runProcess(dlvPath, ["version"], { timeoutMs: 30_000 });
        const m = /Version:\s*(\d+\.\d+\.\d+)/.exec(stdout);
        if (!m) return null;
        const range = delveSupportRange(m[1]);
        const patched = new RegExp(`^Build: ${LAB_DELVE_BUILD}[0-9a-f]+$`, "m").test(stdout);
        return range ? { path: dlvPath, version: m[1], goMinors: range, patched } : null;
      } catch {
        return null;
      }
    })();
    versions.set(dlvPath, found);
  }
  return found;
}

/**
 * Chooses, among the dlv binaries found, the newest that supports `goVersion`; throws a
 * MissingToolError that lists what was found when none does.
 */
export function chooseDelve(found: readonly DelveBinary[], goVersion: string): DelveBinary {
  const minor = goMinor(goVersion);
  const fitting = found
    .filter((d) => minor >= d.goMinors[0] && minor <= d.goMinors[1])
    // The newest; of two builds of one version, the lab's patched one.
    .sort((a, b) => compareVersions(b.version, a.version) || Number(b.patched ?? false) - Number(a.patched ?? false));
  if (fitting.length > 0) return fitting[0];
  const seen = found.map((d) => `dlv ${d.version} at ${d.path} (Go 1.${d.goMinors[0]}–1.${d.goMinors[1]})`);
  throw new MissingToolError(traceMessages.noDelve(goVersion, seen, minor <= 20 ? traceMessages.installHintDebianDelve() : traceMessages.installHintDelve()), "dlv");
}

/** Finds a dlv that can debug programs built by Go `goVersion`. */
export async function selectDelve(goVersion: string, env: NodeJS.ProcessEnv = process.env): Promise<DelveBinary> {
  const described = await Promise.all(delveCandidates(env).map(describeDelve));
  return chooseDelve(described.filter((d): d is DelveBinary => d !== null), goVersion);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
