/**
 * Where a runtime function is defined in an installed Go's source: "runtime/map.go:304" for
 * "runtime.makemap". Read from $GOROOT/src of each installed toolchain, so explanations can cite
 * the line a reader can open; a version that is not installed has no lines, and says nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { findToolchain } from "../go";

/** Source lines per Go version (full version) and runtime function name, as the simulator names them. */
export interface RuntimeSources {
  lineOf(go: string, fn: string): string | undefined;
}

/** The packages whose functions allocations are attributed to. */
const PACKAGES: [dir: string, name: string][] = [["runtime", "runtime"], ["internal/runtime/maps", "internal/runtime/maps"]];

const FUNC = /^func (?:\((?:\w+ )?(\*?)(\w+)(?:\[[^\]]*\])?\) )?(\w+)[[(]/;

/** Every func and method of the packages above in one GOROOT: name → "dir/file.go:line". */
export function indexGoroot(goroot: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const [dir, pkg] of PACKAGES) {
    const full = path.join(goroot, "src", dir);
    if (!fs.existsSync(full)) continue;
    for (const file of fs.readdirSync(full).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go")).sort()) {
      fs.readFileSync(path.join(full, file), "utf8").split("\n").forEach((line, i) => {
        const m = FUNC.exec(line);
        if (!m) return;
        const [, star, recv, name] = m;
        const key = recv ? `${pkg}.(${star}${recv}).${name}` : `${pkg}.${name}`;
        if (!index.has(key)) index.set(key, `${dir}/${file}:${i + 1}`);
      });
    }
  }
  return index;
}

/** Source lines for the installed versions among `versions` ("1.19", "1.26.8", ...); the others are skipped. */
export async function runtimeSources(versions: readonly string[]): Promise<RuntimeSources> {
  const byGo = new Map<string, Map<string, string>>();
  for (const v of versions) {
    try {
      const tc = await findToolchain(v);
      if (!byGo.has(tc.version)) byGo.set(tc.version, indexGoroot(tc.goroot));
    } catch {
      // Not installed here: explanations for it name functions without lines.
    }
  }
  return { lineOf: (go, fn) => byGo.get(go)?.get(fn) };
}
