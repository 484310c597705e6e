/**
 * testing.AllocsPerRun for each snippet, in a program of the test's own (not golab's probe): each
 * snippet in a package of its own, main calling testing.AllocsPerRun(100, probe) for each. An
 * independent count to hold measure and trace to.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { languageVersion, Toolchain } from "../../kernel-helpers/go";
import { runProcess, withTempDir } from "../../kernel-helpers/proc";
import { Snippet } from "./snippets";

export async function allocsPerRun(tc: Toolchain, snippets: readonly Snippet[]): Promise<number[]> {
  return withTempDir("allocsperrun", async (dir) => {
    // The toolchain's own language version, as golab's probe and `go run` use (loop variables are per iteration from 1.22).
    fs.writeFileSync(path.join(dir, "go.mod"), `module allocsperrun\n\ngo ${languageVersion(tc.version)}\n`);
    snippets.forEach((s, i) => {
      fs.mkdirSync(path.join(dir, `s${i}`));
      // The package clause on the snippet's first line keeps its line numbers (as golab does).
      fs.writeFileSync(path.join(dir, `s${i}`, "snippet.go"), `package s${i}; ${s.source}`);
      fs.writeFileSync(path.join(dir, `s${i}`, "export.go"), `package s${i}\n\nvar Probe = probe\n`);
    });
    const imports = snippets.map((_, i) => `\ts${i} "allocsperrun/s${i}"`).join("\n");
    const calls = snippets.map((_, i) => `\tfmt.Println(testing.AllocsPerRun(100, s${i}.Probe))`).join("\n");
    fs.writeFileSync(path.join(dir, "main.go"), `package main\n\nimport (\n\t"fmt"\n\t"testing"\n${imports}\n)\n\nfunc main() {\n${calls}\n}\n`);
    const gotmp = path.join(dir, "gotmp");
    fs.mkdirSync(gotmp);
    const env = { ...tc.env, GOTMPDIR: gotmp };
    await runProcess(tc.goBinary, ["build", "-o", "allocs", "."], { cwd: dir, env, timeoutMs: 300_000 });
    const { stdout } = await runProcess(path.join(dir, "allocs"), [], { env, timeoutMs: 120_000 });
    const counts = stdout.trim().split("\n").map(Number);
    if (counts.length !== snippets.length || counts.some((n) => !Number.isFinite(n))) throw new Error(`AllocsPerRun printed ${JSON.stringify(stdout)}`);
    return counts;
  });
}
