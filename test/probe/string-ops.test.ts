/** The probe functions of the string and growth operations, as generateProbe writes them. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { InputError } from "../../kernel-helpers/errors";
import { generateProbe } from "../../kernel-helpers/probe";

const probeOf = (text: string, go = "1.26") => generateProbe([parseCase(text)], go).source;

test("inputs are package variables filled in setup(), so the compiler cannot fold them", () => {
  const src = probeOf("concat(3, 5)");
  assert.match(src, /var in0_0, in0_1 string/);
  assert.match(src, /in0_0 = strings\.Repeat\("x", 3\)\n\tin0_1 = strings\.Repeat\("x", 5\)/);
  assert.match(src, /func probe0\(\) \{\n\tsink0 = in0_0 \+ in0_1\n\}/);
  assert.match(probeOf("string(40-byte []byte) [stack]"), /v := string\(in0\)\n\tsinkLen = len\(v\)[\s\S]*in0 = \[\]byte\(strings\.Repeat\("x", 40\)\)/);
});

test("+= runs in a loop; builders write n times and keep String() or Bytes()", () => {
  assert.match(probeOf("concatloop(3, 10)"), /var s string\n\tfor i := 0; i < 10; i\+\+ \{\n\t\ts \+= in0\n\t\}\n\tsink0 = s/);
  assert.match(probeOf("strings.Builder(3, 10, 30)"), /var b strings\.Builder\n\tb\.Grow\(30\)\n\tfor i := 0; i < 10; i\+\+ \{\n\t\tb\.WriteString\(in0\)\n\t\}\n\tsink0 = b\.String\(\)/);
  assert.match(probeOf("bytes.Buffer(3, 10) [stack]"), /var b bytes\.Buffer[\s\S]*sinkLen = b\.Len\(\)/);
  assert.match(probeOf("_ = bytes.Buffer(3, 10)"), /_ = b\.Bytes\(\)/);
});

test("imports: bytes and slices only when a case needs them", () => {
  assert.doesNotMatch(probeOf("concat(3, 5)"), /"bytes"|"slices"/);
  assert.match(probeOf("bytes.Buffer(3, 10)"), /import \(\n\t"bytes"\n\t"bufio"/);
  const src = generateProbe(["slices.Grow([]int, 3)", "bytes.Buffer(1, 1)"].map((t) => parseCase(t)), "1.26").source;
  assert.match(src, /import \(\n\t"bytes"\n\t"slices"\n\t"bufio"/);
  assert.match(src, /var s \[\]int\n\ts = slices\.Grow\(s, 3\)\n\tsink0 = s/);
});

test("append(s, t...) appends a package slice of add elements", () => {
  const src = probeOf("append(make([]int, 3, 4), 5...)");
  assert.match(src, /add0 = make\(\[\]int, 5\)/);
  assert.match(src, /s := make\(\[\]int, 3, 4\)\n\ts = append\(s, add0\.\.\.\)/);
});

test("slices.Grow is refused before a Go 1.19 build, which would fail for the whole batch", () => {
  assert.throws(() => probeOf("slices.Grow([]int, 3)", "1.19"), (e) => e instanceof InputError && /needs Go 1\.21 or later: Go 1\.19 has no package slices/.test(e.message));
  assert.doesNotThrow(() => probeOf("bytes.Buffer(3, 10)", "1.19"));
});
