/** Which dlv serves which Go: Delve 1.N debugs Go 1.(N-2) to 1.N, and a clear error when none fits. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { chooseDelve, delveCandidates, delveSupportRange, DelveBinary, LAB_DELVE_BUILD } from "../../kernel-helpers/dlv";
import { MissingToolError } from "../../kernel-helpers/errors";

const tools: DelveBinary = { path: "/lab/.tools/bin/dlv", version: "1.27.2", goMinors: [25, 27] };
const debian: DelveBinary = { path: "/usr/bin/dlv", version: "1.20.2", goMinors: [18, 20] };

test("Delve's support range follows its three-release policy", () => {
  assert.deepEqual(delveSupportRange("1.27.2"), [25, 27]);
  assert.deepEqual(delveSupportRange("1.20.2"), [18, 20]);
  assert.equal(delveSupportRange("1.9.1"), null);
  assert.equal(delveSupportRange("nonsense"), null);
});

test("Go 1.26 and 1.27 get Delve 1.27, Go 1.19 gets Debian's Delve 1.20", () => {
  assert.equal(chooseDelve([debian, tools], "1.26.8"), tools);
  assert.equal(chooseDelve([debian, tools], "1.27.3"), tools);
  assert.equal(chooseDelve([tools, debian], "1.19.8"), debian);
});

test("the newest fitting Delve wins", () => {
  const older: DelveBinary = { path: "/opt/dlv", version: "1.26.1", goMinors: [24, 26] };
  assert.equal(chooseDelve([older, tools], "1.26.8"), tools);
  assert.equal(chooseDelve([older, tools], "1.24.1"), older);
});

test("of two builds of one Delve version, the lab's patched one wins, whichever was found first", () => {
  const stock: DelveBinary = { path: "/root/go/bin/dlv", version: "1.27.2", goMinors: [25, 27] };
  const patched: DelveBinary = { ...tools, patched: true };
  assert.equal(chooseDelve([stock, patched], "1.26.8"), patched);
  assert.equal(chooseDelve([patched, stock], "1.26.8"), patched);
});

test("the patched build's stamp is the one scripts/build-dlv.sh puts on it: golab- and a hash of the patches", () => {
  const stamp = spawnSync("bash", [path.join(__dirname, "..", "..", "..", "scripts", "build-dlv.sh"), "--stamp"], { encoding: "utf8" });
  assert.equal(stamp.status, 0, stamp.stderr);
  assert.match(stamp.stdout.trim(), new RegExp(`^${LAB_DELVE_BUILD}[0-9a-f]{12}$`));
});

test("no fitting Delve: a MissingToolError that says what was found and what to install", () => {
  assert.throws(() => chooseDelve([tools], "1.19.8"), (e: unknown) => {
    assert.ok(e instanceof MissingToolError);
    assert.equal(e.tool, "dlv");
    assert.match(e.message, /no Delve here can debug Go 1\.19\.8/);
    assert.match(e.message, /dlv 1\.27\.2 at \/lab\/\.tools\/bin\/dlv \(Go 1\.25–1\.27\)/);
    assert.match(e.message, /apt-get install delve/);
    return true;
  });
  assert.throws(() => chooseDelve([], "1.30.0"), /found no dlv at all.*scripts\/setup\.sh/);
});

test("GOLAB_DLV names the one dlv to use", () => {
  assert.deepEqual(delveCandidates({ GOLAB_DLV: "/somewhere/dlv", PATH: "/usr/bin" }), ["/somewhere/dlv"]);
});
