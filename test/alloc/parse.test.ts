/** The one sizeclasses.go parser, on files written in each version's spelling. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSizeClasses, SIZE_CLASSES, SizeClasses } from "../../kernel-helpers/alloc";
import { GolabError } from "../../kernel-helpers/errors";

/** A sizeclasses.go as mksizeclasses.go writes it, with 1.19's names (runtime/) or 1.26's (internal/runtime/gc/). */
function goFile(sc: SizeClasses, spelling: "1.19" | "1.26"): string {
  const old = spelling === "1.19";
  const n = (a: string, b: string) => (old ? a : b);
  const arr = (name: string, len: string, type: string, values: number[]) => `var ${name} = [${len}]${type}{${values.join(", ")}}`;
  return [
    `package ${old ? "runtime" : "gc"}`,
    "",
    "const (",
    ...(old ? [] : ["\tMinHeapAlign       = 8"]),
    `\t${n("_MaxSmallSize", "MaxSmallSize")}   = ${sc.maxSmallSize}`,
    `\t${n("smallSizeDiv", "SmallSizeDiv")}    = ${sc.smallSizeDiv}`,
    `\t${n("smallSizeMax", "SmallSizeMax")}    = ${sc.smallSizeMax}`,
    `\t${n("largeSizeDiv", "LargeSizeDiv")}    = ${sc.largeSizeDiv}`,
    `\t${n("_NumSizeClasses", "NumSizeClasses")} = ${sc.numSizeClasses}`,
    `\t${n("_PageShift", "PageShift")}      = ${sc.pageShift}`,
    ...(old ? [] : ["\tTinySize           = 16", "\tTinySizeClass      = 2"]),
    ")",
    "",
    arr(n("class_to_size", "SizeClassToSize"), "NumSizeClasses", "uint16", sc.classToSize),
    arr(n("class_to_allocnpages", "SizeClassToNPages"), "NumSizeClasses", "uint8", sc.classToNPages),
    arr(n("class_to_divmagic", "SizeClassToDivMagic"), "NumSizeClasses", "uint32", sc.classToSize.map(() => 1)),
    arr(n("size_to_class8", "SizeToSizeClass8"), "SmallSizeMax/SmallSizeDiv + 1", "uint8", sc.sizeToClass8),
    arr(n("size_to_class128", "SizeToSizeClass128"), "(MaxSmallSize-SmallSizeMax)/LargeSizeDiv + 1", "uint8", sc.sizeToClass128),
    "",
  ].join("\n");
}

/** The tables of a recorded JSON file, without what the extraction adds (go, source, generator). */
function tablesOf(sc: SizeClasses): Record<string, unknown> {
  const { go: _go, source: _source, generator: _generator, ...tables } = sc as SizeClasses & { generator?: string };
  return tables;
}

test("both spellings give back the recorded tables, in the recorded order", () => {
  for (const [go, spelling] of [["1.19.8", "1.19"], ["1.26.8", "1.26"], ["1.27.3", "1.26"]] as const) {
    const sc = SIZE_CLASSES[go];
    const parsed = parseSizeClasses(goFile(sc, spelling), "sizeclasses.go");
    assert.deepEqual(parsed, tablesOf(sc), go);
    assert.deepEqual(Object.keys(parsed), Object.keys(tablesOf(sc)), `${go}: key order`);
  }
});

test("a missing table or tables that disagree are errors that name the file", () => {
  const text = goFile(SIZE_CLASSES["1.26.8"], "1.26");
  assert.throws(() => parseSizeClasses(text.replace(/^var SizeToSizeClass8 .*$/m, ""), "/go/sizeclasses.go"), (e: unknown) =>
    e instanceof GolabError && /SizeToSizeClass8/.test(e.message) && /\/go\/sizeclasses\.go/.test(e.message));
  assert.throws(() => parseSizeClasses(text.replace("NumSizeClasses = 68", "NumSizeClasses = 67"), "x.go"), /table lengths disagree/);
});
