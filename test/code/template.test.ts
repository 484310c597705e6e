/** Code cases from templates: values become Go literals by their type, and nothing else goes in. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeCase } from "../../kernel-helpers/code/template";

const TEMPLATE = "var sink []byte\nvar label = {{label}}\n\nfunc probe() {\n\tsink = make([]byte, {{ n }})\n\t_ = {{fresh}}\n}\n";

test("each placeholder becomes the Go literal of its value; the lines stay where they were", () => {
  const c = codeCase(TEMPLATE, { n: 33, label: "a \"b\"\n", fresh: true }, "t.go");
  assert.deepEqual(c, { op: "code", name: "t.go", source: "var sink []byte\nvar label = \"a \\\"b\\\"\\n\"\n\nfunc probe() {\n\tsink = make([]byte, 33)\n\t_ = true\n}\n" });
  assert.equal(c.source.split("\n").length, TEMPLATE.split("\n").length);
});

test("a missing value, an unused value (a typo) and a value Go cannot spell are refused", () => {
  assert.throws(() => codeCase(TEMPLATE, { n: 1, label: "x" }), /the template has \{\{fresh\}\} but no parameter fresh/);
  assert.throws(() => codeCase(TEMPLATE, { n: 1, label: "x", fresh: false, m: 2 }), /parameter m is not in the template/);
  assert.throws(() => codeCase(TEMPLATE, { n: 1.5, label: "x", fresh: false }), /parameter n = "1.5": a whole number/);
  // A string is a string literal, never code: the text cannot close the call it stands in.
  const c = codeCase("func probe() { _ = len({{s}}) }", { s: "x) }; func main() {" });
  assert.equal(c.source, "func probe() { _ = len(\"x) }; func main() {\") }");
});
