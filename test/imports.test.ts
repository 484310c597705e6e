/**
 * Dependencies run one way: no folder of kernel-helpers/ imports a folder that imports it back,
 * directly or through others. Read from the compiled sources' import lines.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..", "kernel-helpers");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []);
}

/** The top-level folder of kernel-helpers a file (or a folder imported whole) belongs to; "." for top-level files. */
const folderOf = (file: string) => {
  const rel = path.relative(root, file).split(path.sep);
  return rel.length > 1 || fs.existsSync(path.join(root, rel[0], "index.ts")) ? rel[0] : ".";
};

/** Folder → folders it imports (type-only imports included: they tie the design just as much). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(root)) {
    const from = folderOf(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]*)"/g)) {
      const to = folderOf(path.resolve(path.dirname(file), m[1]));
      if (to === from || to === ".") continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** One cycle through the graph, as a path, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === "done") return undefined;
    if (state.get(n) === "open") return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, "open");
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, "done");
    return undefined;
  };
  for (const n of graph.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}

test("no import cycle between the folders of kernel-helpers", () => {
  const graph = folderGraph();
  assert.ok(graph.size > 10, "the graph was read");
  assert.equal(findCycle(graph)?.join(" → "), undefined);
});

test("the cycle finder finds a cycle", () => {
  const g = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])]]);
  assert.deepEqual(findCycle(g), ["a", "b", "c", "a"]);
});

test("no notebook compares provenance text or matches cases by their JSON", () => {
  const dir = path.resolve(root, "..", "notebooks", "src");
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    assert.doesNotMatch(text, /===?\s*"(measured now|recorded|cached|simulated)/, `${f} compares a provenance string`);
    assert.doesNotMatch(text, /\.source\s*===?/, `${f} compares a source`);
    assert.doesNotMatch(text, /JSON\.stringify\([^)]*\)\s*===/, `${f} matches by JSON text`);
  }
});
