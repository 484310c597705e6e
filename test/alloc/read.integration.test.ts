/** Each installed toolchain's own sizeclasses.go, read by the one parser, against the recorded tables and rules. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { goVersionAt, MODELLED_RULES, readSizeClasses, SIZE_CLASSES, toolchainRules } from "../../kernel-helpers/alloc";
import { installedToolchains } from "../helpers/go";

test("every installed toolchain's sizeclasses.go reads as data/sizeclasses records it, and gives the modelled rules", async () => {
  const found = await installedToolchains();
  assert.ok(found.length > 0, "no Go installed: nothing to read");
  for (const { tc } of found) {
    assert.equal(goVersionAt(tc.goroot), tc.version);
    const { generator: _generator, ...recorded } = SIZE_CLASSES[tc.version] as (typeof SIZE_CLASSES)[string] & { generator?: string };
    assert.deepEqual(readSizeClasses(tc.goroot), recorded, tc.version);
    const rules = toolchainRules(tc.goroot, tc.version);
    const { sizeClasses: _a, ...facts } = rules;
    const { sizeClasses: _b, ...modelled } = MODELLED_RULES[tc.version];
    assert.deepEqual(facts, modelled, tc.version);
    assert.equal(toolchainRules(tc.goroot, tc.version), rules, "read once");
  }
});
