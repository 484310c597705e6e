/**
 * One fact, one home: `/proc` is read in kernel-helpers/proc/ only, and the timer helpers (sleep,
 * withTimeout and the like) are declared there only. The TypeScript sources under kernel-helpers/,
 * test/ and bench/ are parsed (comments are not code, so they may say /proc) and searched.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** The repository: tests run from dist/test/proc/, sources live beside dist/. */
const REPO = path.resolve(__dirname, "..", "..", "..");
const ROOTS = ["kernel-helpers", "test", "bench"];
const OWNER = "kernel-helpers/proc/";
const SELF = "test/proc/one-proc-reader.test.ts";

/**
 * Files allowed to name /proc outside kernel-helpers/proc/, with the reason. The Jupyter
 * watchdog is Python that runs inside the server process and acts when golab is gone (even
 * killed with SIGKILL), so it cannot call back into Node; the probe is Go, in a process of its own.
 */
const PROC_ALLOWED = new Map([
  ["kernel-helpers/jupyter/launch.ts", "the Python watchdog runs after golab is gone"],
  ["kernel-helpers/probe/harness.ts", "the generated Go probe reads its own address-space size to set its memory cap"],
  ["test/cli/out.test.ts", "/proc paths as output that golab must refuse, not read"],
  ["test/cli/read-only-cache.integration.test.ts", "a /proc path as a cache that golab must not write, not read"],
  ["test/jupyter/kernel-launcher.test.ts", "a /proc path as a code cache the kernel launcher must not make, not read"],
  ["test/output/output.test.ts", "/proc paths as output that golab must refuse, not read"],
]);

/** Names of timer helpers, which kernel-helpers/proc/timers.ts declares. */
const TIMER_NAMES = new Set(["sleep", "sleepSync", "delay", "withTimeout", "waitAtMost", "waitUntil", "waitUntilSync", "eventually"]);

/** A `/proc` path at the start of a string or after a non-path character ("pkg/proc/native" is not one). */
const PROC_PATH = /(?<![\w.-])\/proc(?:\/|$)/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sources(rel);
    return e.name.endsWith(".ts") ? [rel] : [];
  });
}

/** The text of a string, template or regular expression literal, or null for any other node. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) return node.text;
  return null;
}

/** Is `body` only the start of a timer (`setTimeout(...)`, maybe stored in a variable), as in a sleep or time-limit promise? */
function onlyStartsTimer(body: ts.ConciseBody): boolean {
  let expr: ts.Node = body;
  if (ts.isBlock(body)) {
    if (body.statements.length !== 1 || !ts.isExpressionStatement(body.statements[0])) return false;
    expr = body.statements[0].expression;
  }
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) expr = expr.right;
  return ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === "setTimeout";
}

function declaredName(node: ts.Node): string | null {
  if ((ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
    if (ts.isVariableDeclaration(node) && !(node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)))) return null;
    return node.name.text;
  }
  return null;
}

interface Finding {
  line: number;
  what: string;
}

/** What `text` (TypeScript) does that only kernel-helpers/proc/ may: read /proc, declare a timer helper. */
function findings(fileName: string, text: string, { proc = true, timers = true } = {}): Finding[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const out: Finding[] = [];
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node): void => {
    const literal = literalText(node);
    if (proc && literal !== null && PROC_PATH.test(literal)) out.push({ line: at(node), what: `reads /proc: ${JSON.stringify(literal.slice(0, 60))}` });
    const name = declaredName(node);
    if (timers && name !== null && TIMER_NAMES.has(name)) out.push({ line: at(node), what: `declares ${name}` });
    if (timers && ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Promise") {
      const executor = node.arguments?.[0];
      if (executor && (ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)) && onlyStartsTimer(executor.body)) {
        out.push({ line: at(node), what: "builds a timer promise (use sleep, withTimeout or waitAtMost)" });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

test("the detector sees /proc reads and timer helpers in code, not in comments", () => {
  const bad = [
    "const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');",
    "for (const e of fs.readdirSync('/proc')) {}",
    "const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));",
    "async function withTimeout<T>(p: Promise<T>) { return p; }",
    "await Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);",
    "const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('late')), ms); });",
  ];
  for (const line of bad) assert.equal(findings("bad.ts", line).length >= 1, true, line);
  const fine = [
    "// reads /proc/PID/stat, in a comment\n/* and /proc here */ const x = 1;",
    "/** Delve's pkg/proc/native/proc_linux.go */ const y = 'pkg/proc/native';",
    "const matched = new Promise((resolve, reject) => { const timer = setTimeout(() => reject(new Error('no')), 5); child.on('x', () => { clearTimeout(timer); resolve(1); }); });",
    "const settle = () => sleep(300);",
    "await kernel.execute('await new Promise((r) => setTimeout(r, 30_000));');",
  ];
  for (const snippet of fine) assert.deepEqual(findings("fine.ts", snippet), [], snippet);
});

test("only kernel-helpers/proc/ reads /proc or declares sleep/withTimeout-style helpers", () => {
  const files = ROOTS.flatMap(sources).filter((f) => !f.startsWith(OWNER) && f !== SELF);
  assert.ok(files.length > 100, `sources found: ${files.length}`);
  assert.ok(files.includes("kernel-helpers/dlv/server.ts") && files.includes("bench/course.ts"), "the scan covers kernel-helpers/ and bench/");
  const found = files.flatMap((f) =>
    findings(f, fs.readFileSync(path.join(REPO, f), "utf8"), { proc: !PROC_ALLOWED.has(f) }).map((x) => `${f}:${x.line}: ${x.what}`));
  assert.deepEqual(found, []);
});

test("kernel-helpers/proc/ is where they are", () => {
  const procfs = fs.readFileSync(path.join(REPO, OWNER, "procfs.ts"), "utf8");
  assert.ok(findings("procfs.ts", procfs, { timers: false }).length > 0, "procfs.ts reads /proc");
  const timers = fs.readFileSync(path.join(REPO, OWNER, "timers.ts"), "utf8");
  assert.ok(findings("timers.ts", timers, { proc: false }).length > 0, "timers.ts declares the timer helpers");
});
