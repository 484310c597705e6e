/** The probe functions of the map operations, as generateProbe writes them. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../kernel-helpers/case";
import { InputError } from "../../kernel-helpers/errors";
import { generateProbe } from "../../kernel-helpers/probe";

const probeOf = (text: string, go = "1.26") => generateProbe([parseCase(text)], go).source;

test("delete inserts n keys, deletes the first d and inserts the first r again", () => {
  const src = probeOf("delete(map[int]int, 100, 50, 20)");
  assert.match(src, /keys0 = make\(\[\]int, 100\)/);
  assert.match(src, /m := make\(map\[int\]int\)\n\tvar v int\n\tfor _, k := range keys0\[:100\] \{\n\t\tm\[k\] = v\n\t\}\n\tfor _, k := range keys0\[:50\] \{\n\t\tdelete\(m, k\)\n\t\}\n\tfor _, k := range keys0\[:20\] \{\n\t\tm\[k\] = v\n\t\}\n\tsink0 = m/);
});

test("clear is clear(m) from Go 1.21, the range-and-delete loop before (runtime.mapclear when optimized), with keys for r > n", () => {
  assert.match(probeOf("clear(map[int]int, 5, 3)"), /\n\tclear\(m\)\n\tfor _, k := range keys0\[:3\] \{/);
  const src = probeOf("clear(make(map[int]int, 8), 5, 9) [stack]", "1.19");
  assert.match(src, /keys0 = make\(\[\]int, 9\)/);
  assert.match(src, /m := make\(map\[int\]int, 8\)[\s\S]*for k := range m \{\n\t\tdelete\(m, k\)\n\t\}\n\tfor _, k := range keys0\[:9\] \{[\s\S]*sinkLen = len\(m\)/);
});

test("maps.Clone imports maps, keeps the clone, and is refused before Go 1.21", () => {
  assert.match(probeOf("maps.Clone(map[int]int, 5)"), /import \(\n\t"maps"\n\t"bufio"[\s\S]*sink0 = maps\.Clone\(m\)/);
  assert.match(probeOf("maps.Clone(map[int]int, 5) [stack]"), /c := maps\.Clone\(m\)\n\tsinkLen = len\(c\)/);
  assert.doesNotMatch(probeOf("delete(map[int]int, 5, 1, 1)"), /"maps"/);
  assert.throws(() => probeOf("maps.Clone(map[int]int, 5)", "1.19"), (e) => e instanceof InputError && /maps\.Clone needs Go 1\.21 or later: Go 1\.19 has no package maps/.test(e.message));
});
