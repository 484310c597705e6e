/**
 * package.json keeps only what golab uses and says why it bends the registry: every dependency is
 * imported or run somewhere (ws and @types/ws were listed and never imported), every override has
 * a comment in package.json's "//" list, and Jupyter's .ipynb_checkpoints/ folders are ignored by git.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const REPO = path.resolve(__dirname, "..", "..", "..");

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, unknown>;
  scripts: Record<string, string>;
  "//"?: string[];
}
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as PackageJson;

/** The text of every source, test, bench and script file (not dist/, not node_modules/). */
function sources(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js|sh)$/.test(e.name)) texts.push(fs.readFileSync(p, "utf8"));
    }
  };
  for (const dir of ["kernel-helpers", "test", "bench", "scripts"]) walk(path.join(REPO, dir));
  texts.push(fs.readFileSync(path.join(REPO, "postBuild"), "utf8"), Object.values(pkg.scripts).join("\n"));
  return texts;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const TEXTS = sources();
const TSCONFIG = ts.readConfigFile(path.join(REPO, "tsconfig.json"), ts.sys.readFile).config as { compilerOptions: { types?: string[] } };

/** Whether golab's own files use a package. */
function used(name: string): boolean {
  // A types package is used when tsconfig loads it, or its package is used.
  const typesOf = /^@types\/(.+)$/.exec(name)?.[1];
  if (typesOf !== undefined) return (TSCONFIG.compilerOptions.types ?? []).includes(typesOf) || used(typesOf);
  // import … from "name" / "name/sub", require("name"), import("name"), or node_modules/name/ and .bin/name in scripts.
  const spec = new RegExp(`(from |require\\(|import\\()["']${escape(name)}(/[^"']*)?["']|node_modules/(\\.bin/)?${escape(name)}\\b`);
  return TEXTS.some((t) => spec.test(t));
}

test("every dependency is imported, required or run by golab's own files", () => {
  const unused = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter((n) => !used(n));
  assert.deepEqual(unused, [], "listed in package.json, used nowhere");
});

test("the check tells a used package from an unused one", () => {
  for (const name of ["commander", "@jupyterlab/services", "tslab", "typescript", "@types/node"]) assert.ok(used(name), name);
  // ws and @types/ws were listed once and never imported.
  for (const name of ["ws", "@types/ws", "commander-x", "@types/commander-x"]) assert.ok(!used(name), name);
});

test("every override has a comment saying why", () => {
  const comments = (pkg["//"] ?? []).filter((c) => c.startsWith("overrides:"));
  for (const name of Object.keys(pkg.overrides ?? {})) {
    assert.ok(comments.some((c) => c.includes(name)), `package.json "//" has no "overrides: …" line naming ${name}`);
  }
});

test("git ignores Jupyter's .ipynb_checkpoints/ folders wherever they are", () => {
  const lines = fs.readFileSync(path.join(REPO, ".gitignore"), "utf8").split("\n").map((l) => l.trim());
  assert.ok(lines.includes(".ipynb_checkpoints/") || lines.includes(".ipynb_checkpoints"), ".gitignore lists .ipynb_checkpoints/ (no leading slash: in every folder)");
});
