/**
 * tsconfig.json uses no option that TypeScript 6 deprecates (an error there unless silenced) or
 * TypeScript 7 removes, and spells out what TypeScript 6 changed the defaults of. (Compiled by
 * hand with typescript 6.0.3 and 7.0.2, `tsc -p . --noEmit`: no errors; scripts/README.md.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import ts from "typescript";

const REPO = path.resolve(__dirname, "..", "..", "..");

test("tsconfig.json: no option TypeScript 6 deprecates or 7 removes; the defaults 6 changed are set", () => {
  const file = path.join(REPO, "tsconfig.json");
  const read = ts.readConfigFile(file, ts.sys.readFile);
  assert.equal(read.error, undefined);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, REPO);
  assert.deepEqual(parsed.errors, []);
  const o = parsed.options;
  const raw = (read.config as { compilerOptions: Record<string, unknown> }).compilerOptions;

  // Removed in 7 (deprecated in 6): the node10 / classic resolvers, AMD/UMD/System output, ES5.
  assert.ok(o.moduleResolution !== undefined, "moduleResolution is set (module commonjs would default to node10)");
  assert.ok(![ts.ModuleResolutionKind.Node10, ts.ModuleResolutionKind.Classic].includes(o.moduleResolution), `moduleResolution ${raw.moduleResolution}`);
  assert.ok(o.module !== undefined && ![ts.ModuleKind.None, ts.ModuleKind.AMD, ts.ModuleKind.UMD, ts.ModuleKind.System].includes(o.module), `module ${raw.module}`);
  // One of Node's own modes, which emit require() for Node 20.19+ and resolve package exports.
  assert.match(ts.ModuleKind[o.module], /^Node(16|18|20|Next)$/, `module ${raw.module}`);
  assert.ok((o.target ?? 0) >= ts.ScriptTarget.ES2015, `target ${raw.target}`);
  for (const gone of ["baseUrl", "outFile", "downlevelIteration", "ignoreDeprecations", "charset", "keyofStringsOnly", "suppressImplicitAnyIndexErrors"]) {
    assert.equal(raw[gone], undefined, `${gone} is gone in TypeScript 7`);
  }
  for (const mustStayOn of ["esModuleInterop", "allowSyntheticDefaultImports", "alwaysStrict"]) {
    assert.notEqual(raw[mustStayOn], false, `${mustStayOn}: false is deprecated in TypeScript 6`);
  }
  // Defaults TypeScript 6 changed (types: [], rootDir: the tsconfig's folder, strict: true): set explicitly.
  assert.deepEqual(o.types, ["node"]);
  assert.equal(o.rootDir, REPO);
  assert.equal(o.strict, true);
});
