/**
 * What a Go developer would use instead of the lab to count a case's allocations: one
 * `go test -bench -benchmem` per case, or one `testing.AllocsPerRun` per case. Each is timed on a
 * sample of cases (build plus run, from the same warmed build cache as the batch), and its counts
 * are compared with the lab's for the same cases.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Case } from "../kernel-helpers/case";
import { languageVersion, Toolchain } from "../kernel-helpers/go";
import { MeasureResult } from "../kernel-helpers/measure";
import { generateProbe } from "../kernel-helpers/probe";
import { runProcess, withTempDir } from "../kernel-helpers/proc";

export type Alternative = "go test -bench" | "testing.AllocsPerRun";

const TESTS: Record<Alternative, { file: string; args: string[]; pattern: RegExp }> = {
  "go test -bench": {
    file: `package main

import "testing"

func BenchmarkProbe(b *testing.B) {
	setup()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		probe0()
	}
}
`,
    args: ["test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime=21x", "-count=1"],
    pattern: /\s(\d+) allocs\/op/,
  },
  "testing.AllocsPerRun": {
    file: `package main

import "testing"

func TestAllocs(t *testing.T) {
	setup()
	t.Logf("ALLOCS %v", testing.AllocsPerRun(21, probe0))
}
`,
    args: ["test", "-run", "^TestAllocs$", "-v", "-count=1"],
    pattern: /ALLOCS (\d+(?:\.\d+)?)/,
  },
};

/** Counts one case the way `way` does, building a fresh program for it; returns allocs per call. */
export async function countWith(way: Alternative, tc: Toolchain, c: Case): Promise<number> {
  const probe = generateProbe([c], languageVersion(tc.version));
  return withTempDir("alt", async (dir) => {
    fs.writeFileSync(path.join(dir, "main.go"), probe.source);
    fs.writeFileSync(path.join(dir, "go.mod"), probe.goMod);
    fs.writeFileSync(path.join(dir, "probe_test.go"), TESTS[way].file);
    const { stdout } = await runProcess(tc.goBinary, TESTS[way].args, { cwd: dir, env: { ...tc.env, GOTMPDIR: dir }, timeoutMs: 300_000 });
    const m = TESTS[way].pattern.exec(stdout);
    if (!m) throw new Error(`${way} printed no allocation count:\n${stdout}`);
    return Number(m[1]);
  });
}

export interface AlternativeFigures {
  way: Alternative;
  sample: number;
  msPerCase: number;
  /** Cases where the alternative's count equals the lab's median mallocs (deterministic cases). */
  agree: number;
  deterministic: number;
}

/** Times `way` on each case of the sample and compares its counts with the lab's results. */
export async function benchAlternative(way: Alternative, tc: Toolchain, sample: readonly Case[], lab: readonly MeasureResult[]): Promise<AlternativeFigures> {
  let agree = 0;
  let deterministic = 0;
  const t0 = performance.now();
  for (const [i, c] of sample.entries()) {
    const n = await countWith(way, tc, c);
    if (lab[i].deterministic) {
      deterministic++;
      if (n === lab[i].mallocs) agree++;
    }
  }
  return { way, sample: sample.length, msPerCase: (performance.now() - t0) / sample.length, agree, deterministic };
}
