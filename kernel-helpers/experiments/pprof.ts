/**
 * Chapter 4.4: does pprof misattribute an allocation made inside an inlined function? A fixed Go
 * program allocates through a small helper that the compiler inlines into its caller; the heap
 * profile (runtime.MemProfileRate = 1) is read with `go tool pprof -traces`, and the question is
 * whether the allocating sample's stack still names the helper.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../errors";
import { findToolchain } from "../go";
import { runProcess, withTempDir } from "../proc";

export interface InliningProfile {
  go: string;
  /** The compiler said it inlined the helper into its caller (-gcflags=-m). */
  inlined: boolean;
  /** The frames pprof gives the helper's allocation, innermost first; inlined ones marked "(inline)". */
  frames: string[];
  /** pprof names the helper, though its code was inlined. */
  helperNamed: boolean;
  /** The lines of the pprof trace, for display. */
  trace: string;
}

const HELPER = "main.newBuffer";
const CALLER = "main.handle";

/** How the profiled program is built: -m says whether newBuffer was inlined. */
export const INLINING_BUILD_ARGS: readonly string[] = ["build", "-gcflags=-m", "-o", "prog", "."];

/** The profiled program: `handle` calls `newBuffer`, small enough to be inlined, 100 times. */
export function inliningProgram(bytes: number): string {
  return `package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// Set before anything allocates, so every allocation is sampled.
var _ = func() int { runtime.MemProfileRate = 1; return 0 }()

var sink []byte

// newBuffer is small enough for the compiler to inline into handle.
func newBuffer() []byte { return make([]byte, ${bytes}) }

//go:noinline
func handle() { sink = newBuffer() }

func main() {
	for i := 0; i < 100; i++ {
		handle()
	}
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		panic(err)
	}
	f.Close()
}
`;
}

/** Builds and profiles the program on one Go version. */
export async function profileInlining({ go, bytes = 4000 }: { go?: string; bytes?: number } = {}): Promise<InliningProfile> {
  if (!Number.isSafeInteger(bytes) || bytes < 1 || bytes > 1 << 20) throw new InputError(`bytes must be a whole number from 1 to ${1 << 20}`, String(bytes));
  const tc = await findToolchain(go);
  return withTempDir("pprof", async (dir) => {
    fs.writeFileSync(path.join(dir, "main.go"), inliningProgram(bytes));
    fs.writeFileSync(path.join(dir, "go.mod"), `module inlining\n\ngo ${tc.version.split(".").slice(0, 2).join(".")}\n`);
    const env = { ...tc.env, GOTMPDIR: dir };
    const build = await runProcess(tc.goBinary, [...INLINING_BUILD_ARGS], { cwd: dir, env, timeoutMs: 300_000 });
    const inlined = /inlining call to newBuffer/.test(build.stderr);
    const profile = path.join(dir, "allocs.pb.gz");
    await runProcess(path.join(dir, "prog"), [profile], { cwd: dir, env, timeoutMs: 60_000 });
    const { stdout } = await runProcess(tc.goBinary, ["tool", "pprof", "-traces", "-sample_index=alloc_space", path.join(dir, "prog"), profile], { cwd: dir, env, timeoutMs: 120_000 });
    // Traces are separated by dashed lines; the helper's is the one whose stack reaches handle.
    const traces = stdout.split(/^-+\+-+$/m);
    const mine = traces.find((t) => t.includes(CALLER)) ?? "";
    // A frame line: an optional amount ("400kB"), the function, and "(inline)" for inlined frames.
    const frames = mine.split("\n").flatMap((l) => {
      const m = /^\s*(?:[\d.]+[kMG]?B\s+)?([\w./*()[\]-]+\.[\w.*()[\]-]+)(\s+\(inline\))?\s*$/.exec(l);
      return m ? [m[1] + (m[2] ? " (inline)" : "")] : [];
    });
    return { go: tc.version, inlined, frames, helperNamed: frames.some((f) => f.startsWith(HELPER)), trace: mine.trim() };
  });
}
