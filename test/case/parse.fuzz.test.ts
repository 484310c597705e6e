/**
 * Property-based tests of the case parser: 10,000 mutations of valid cases (JSON, and short forms
 * of make, append and insert with flags) each give a Case or one clear InputError; an accepted
 * case's short form reads back to it, and its Go source is a function of its canonical form
 * alone, so nothing the user typed reaches Go unparsed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { describeCase, parseCase, Case } from "../../kernel-helpers/case";
import { generateProbe } from "../../kernel-helpers/probe";
import { objectsMatrix, stringsMatrix, validationMatrix } from "../../kernel-helpers/record";
import { acceptOrReject, newTally, report, SAFE_TYPE_TEXT } from "../helpers/fuzz";

const RUNS = 10_000;
const VALID = [...validationMatrix(), ...objectsMatrix(), ...stringsMatrix("1.26.8")];
const FIELDS = ["op", "key", "elem", "hint", "len", "cap", "n", "start", "escape", "constSize", "freshElem", "type", "literal", "value", "captures", "reassigned", "lens", "to", "add", "grow", "bogus"];

/** Any JSON value, biased towards the shapes the parser reads: sizes, type texts, enum words. */
const jsonValue = fc.oneof(
  fc.integer({ min: -10, max: 100_000 }),
  fc.constantFrom(-1, 0.5, NaN, Infinity, 2 ** 53, 2 ** 60, 1e300, -0),
  fc.constantFrom("int", "string", "map[int]int", "[]int", "*int", "struct{a int}", "chan int", "int]int; func init(){}", "`", "heap", "nil", "make", "\\\"; }"),
  fc.array(fc.constantFrom("int", "string", "chan int", "`"), { maxLength: 3 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);

/** A valid matrix case with fields removed, replaced or added. */
const mutatedCase = fc.tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.option(jsonValue, { nil: undefined })), { maxLength: 3 }))
  .map(([c, edits]) => {
    const o: Record<string, unknown> = { ...c };
    for (const [field, value] of edits) {
      if (value === undefined) delete o[field];
      else o[field] = value;
    }
    return o;
  });

/** Short forms with mutated arguments. */
const shortForm = fc.tuple(
  fc.constantFrom("make(map[int]int", "make([]int", "make([]byte", "_ = make(map[string]int", "make(map[[2]int]*int", "make([]struct{a int; b string}",
    "append([]int", "append(make([]int, 0, 8)", "_ = append([]*int", "insert(map[int]int", "insert(make(map[int]*int, 4)", "insert(map[string]*[2]int",
    "new(int32", "new([2]string", "make(chan int", "make(chan *int", "any(int(300)", 'any(string("a")', "any([2]int{}", "closure(int", "closure(",
    "concat(3", "concatloop(3", "slices.Grow(make([]int, 3)", "strings.Builder(3", "_ = bytes.Buffer(64", "append([]string, 2...", "[]rune(3-byte string"),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 70_000 }).map(String), fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom("1_000", "010", "0x10", "1e3", "1.5", "")), { maxLength: 3 }),
  fc.constantFrom(")", "", "))", ") ; os.Exit(1)", ") [stack]", ") [variable size]", ") [new value each, stack]", ") [x]", ") [3 times]", ") [reassigned]", ")) [stack]"),
).map(([head, args, tail]) => [head, ...args].join(", ") + tail);

/** Every Go type a case holds. */
function caseTypes(c: Case): string[] {
  const o = c as unknown as Record<string, unknown>;
  return [...["key", "elem", "type"].flatMap((f) => (typeof o[f] === "string" ? [o[f] as string] : [])), ...(Array.isArray(o.captures) ? (o.captures as string[]) : [])];
}

function checkAccepted(c: Case): void {
  assert.notEqual(c.op, "code", "no short form writes a code case");
  if (c.op === "code") return;
  const canonical = parseCase(JSON.stringify(c));
  assert.deepEqual(canonical, c, "a parsed case is its own canonical form");
  assert.deepEqual(parseCase(describeCase(c)), c, "its short form reads back to it");
  for (const t of caseTypes(c)) assert.match(t, SAFE_TYPE_TEXT);
  // Same source whether the case came from the fuzzed input or from its canonical JSON.
  assert.equal(generateProbe([c], "1.26").source, generateProbe([canonical], "1.26").source);
}

for (const [name, inputs] of [
  ["mutated JSON cases", mutatedCase.map((o) => JSON.stringify(o))],
  ["mutated case objects", mutatedCase],
  ["mutated short forms", shortForm],
] as const) {
  test(`${name} give a case or one clear error, never an uncaught exception`, () => {
    const tally = newTally();
    fc.assert(fc.property(inputs as fc.Arbitrary<unknown>, (input) => {
      const c = acceptOrReject(tally, input, () => parseCase(input));
      if (c) checkAccepted(c);
    }), { numRuns: RUNS });
    report(name, tally);
    assert.ok(tally.accepted > 0 && tally.rejected > 0, "the generator should reach both outcomes");
  });
}
