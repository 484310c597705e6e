/**
 * The Delve client against the real dlv chosen for each installed Go (Delve 1.27.2 for 1.26 and
 * 1.27, Debian's 1.20.2 for 1.19), through the public client only: version, breakpoints with
 * conditions and hit counts, loaded arguments, stacks, evaluation, memory, errors, and a clean exit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { DelveRpcError, integerOf, selectDelve, startDelve } from "../../kernel-helpers/dlv";
import { MissingToolError, ProcessError } from "../../kernel-helpers/errors";
import { languageVersion, Toolchain } from "../../kernel-helpers/go";
import { BEGIN_MARKER, buildProbe, END_MARKER, generateProbe } from "../../kernel-helpers/probe";
import { pidExists } from "../../kernel-helpers/proc";
import { probeEnv } from "../../kernel-helpers/trace";
import { installedToolchains } from "../helpers/go";

async function probeFor(tc: Toolchain): Promise<string> {
  const cases = ["make([]int, 1000)", "make([]int, 10)"].map((t) => parseCase(t));
  return (await buildProbe(generateProbe(cases, languageVersion(tc.version)), tc)).binary;
}

test("the client speaks to the real dlv of each installed Go", { timeout: 300_000 }, async () => {
  for (const { tc } of await installedToolchains()) {
    const label = `Go ${tc.version}`;
    const delve = await selectDelve(tc.version);
    assert.match(delve.version, tc.version.startsWith("1.19") ? /^1\.20\./ : /^1\.27\./, label);
    const server = await startDelve(delve, await probeFor(tc), { args: ["1"], env: probeEnv(tc) });
    const { client } = server;
    try {
      const version = await client.getVersion();
      assert.equal(version.apiVersion, 2, label);
      assert.equal(version.delve, delve.version, label);
      assert.equal(await client.processPid(), server.targetPid, label);
      const begin = await client.createBreakpoint({ function: BEGIN_MARKER, loadArgs: "scalars" });
      assert.ok(begin.addresses.length >= 1, label);
      await client.createBreakpoint({ function: END_MARKER, condition: "c == 1", loadArgs: "scalars" });
      await assert.rejects(client.createBreakpoint({ function: "main.noSuchFunction" }), DelveRpcError);
      const first = await client.continue();
      const hit = first.hits.find((h) => h.breakpointId === begin.id)!;
      assert.ok(hit, `${label}: stopped at ${first.where}`);
      assert.equal(integerOf(hit.args.find((a) => a.name === "c")!), 0, label);
      const goroutine = hit.goroutineId;
      const stack = await client.stacktrace(goroutine, 4);
      assert.equal(stack[0].function, BEGIN_MARKER, label);
      assert.equal(stack[1].function, "main.main", label);
      // probeEnd's condition skips c == 0, so the next stop is probeBegin(1), then probeEnd(1).
      const second = await client.continue();
      assert.equal(integerOf(second.hits[0].args[0]), 1, `${label}: ${second.where}`);
      const third = await client.continue();
      assert.equal(third.hits[0].function, END_MARKER, label);
      const counts = await client.listBreakpoints();
      const beginCounts = counts.find((c) => c.id === begin.id)!;
      assert.equal(beginCounts.total, 2, label);
      assert.equal(beginCounts.byGoroutine.get(goroutine), 2, label);
      assert.deepEqual(await client.listFunctions("^runtime\\.mallocgc$"), ["runtime.mallocgc"], label);
      const types = integerOf(await client.eval("runtime.firstmoduledata.types"));
      assert.equal((await client.examineMemory(types, 16)).length, 16, label);
      if (tc.version.startsWith("1.27")) assert.equal((await client.eval("len(runtime.mallocNoScanTable)")).text, "81", label);
      else await assert.rejects(client.eval("len(runtime.mallocNoScanTable)"), DelveRpcError, `${label}: no such table`);
    } finally {
      await server.close();
    }
    assert.equal(pidExists(server.targetPid), false, `${label}: the program is gone`);
    assert.equal(pidExists(server.dlvPid), false, `${label}: dlv is gone`);
  }
});

test("a Delve that does not support the Go version says so, and the lab never picks it", { timeout: 120_000 }, async (t) => {
  const all = await installedToolchains();
  const modern = all.find((x) => !x.tc.version.startsWith("1.19"));
  const classic = all.find((x) => x.tc.version.startsWith("1.19"));
  if (!modern || !classic) return t.skip("needs Go 1.19 and a Go 1.25+");
  const old = await selectDelve(classic.tc.version);
  await assert.rejects(startDelve(old, await probeFor(modern.tc), { args: ["1"] }), (e: unknown) => {
    assert.ok(e instanceof ProcessError, String(e));
    assert.match(e.message, /too old for Go version/);
    return true;
  });
  await assert.rejects(selectDelve("1.30.0"), MissingToolError);
});
