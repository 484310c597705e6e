/**
 * measure's probe is built without symbol table and DWARF (it links faster), trace's with them
 * (Delve reads them); both run the same code: the same counts on one machine's Go.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseCase } from "../../kernel-helpers/case";
import { findToolchain, languageVersion } from "../../kernel-helpers/go";
import { buildProbe, generateProbe, parseProbeOutput } from "../../kernel-helpers/probe";
import { runProcess } from "../../kernel-helpers/proc";

test("a probe built without debug info has no DWARF, and counts what the debuggable build counts", { timeout: 300_000 }, async () => {
  const tc = await findToolchain(undefined);
  const cases = ["make([]int, 1000)", "make(map[int]int, 100)"].map((t) => parseCase(t));
  const probe = generateProbe(cases, languageVersion(tc.version));
  const saved = process.env.GOLAB_CACHE;
  process.env.GOLAB_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), "golab-test-build-"));
  try {
    const lean = await buildProbe(probe, tc, { debugInfo: false });
    const full = await buildProbe(probe, tc);
    assert.notEqual(lean.binary, full.binary, "cached apart");
    assert.equal(fs.readFileSync(lean.binary).includes("debug_info"), false, "no DWARF in the measured build");
    assert.equal(fs.readFileSync(full.binary).includes("debug_info"), true, "DWARF in the traced build");
    const counts = async (binary: string) => parseProbeOutput((await runProcess(binary, ["3"], { env: tc.env })).stdout, cases.length, 3).map((s) => s.map((r) => r.values.mallocs));
    assert.deepEqual(await counts(lean.binary), await counts(full.binary));
  } finally {
    fs.rmSync(process.env.GOLAB_CACHE, { recursive: true, force: true });
    if (saved === undefined) delete process.env.GOLAB_CACHE;
    else process.env.GOLAB_CACHE = saved;
  }
});
