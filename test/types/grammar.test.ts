/**
 * The Go type grammar (kernel-helpers/types/grammar.ts): what it accepts, how it re-spells it, and
 * how it refuses everything else — with one-line messages that name the bad part. The tree is the
 * only way a user's type reaches generated Go, so the refusals below are the lab's injection guard.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../kernel-helpers/errors";
import { GoType, parseGoType, renderType } from "../../kernel-helpers/types";

/** Line breaks of any kind, other control characters, and DEL: none may reach a message raw. */
const NOT_ONE_LINE = /[\x00-\x1f\x7f\u0080-\u009f\u2028\u2029]/;

const canonical = (text: string): string => renderType(parseGoType(text));

/** Asserts that `text` parses and re-spells as `expected`, and that the spelling is a fixed point. */
function renders(text: string, expected: string): void {
  assert.equal(canonical(text), expected, `canonical spelling of ${JSON.stringify(text)}`);
  assert.equal(canonical(expected), expected, `re-parsing ${JSON.stringify(expected)} changes it`);
}

/** Asserts that `text` is refused with a one-line InputError whose message matches `pattern`. */
function rejects(text: string, pattern: RegExp): void {
  assert.throws(
    () => parseGoType(text),
    (e: unknown) => {
      assert.ok(e instanceof InputError, `${JSON.stringify(text)} threw ${String(e)}, not an InputError`);
      assert.doesNotMatch(e.message, NOT_ONE_LINE, `message for ${JSON.stringify(text)} is not one printable line`);
      assert.match(e.message, pattern, `message for ${JSON.stringify(text)}`);
      return true;
    },
    `${JSON.stringify(text)} was accepted`,
  );
}

// ---------------------------------------------------------------------------------------------
// Accepted types and their canonical spelling

test("basic types, byte and rune are kept as written", () => {
  for (const name of ["bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
    "uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune"]) {
    renders(name, name);
  }
  // byte and rune are aliases in Go, but the lab keeps the user's spelling.
  renders("[]byte", "[]byte");
  renders("map[rune]byte", "map[rune]byte");
});

test("interface{} and any both spell any", () => {
  renders("any", "any");
  renders("interface{}", "any");
  renders("interface { }", "any");
  renders("map[string]interface{}", "map[string]any");
  renders("[]interface{}", "[]any");
});

test("struct fields are spelled one per name, separated by \"; \"", () => {
  renders("struct{}", "struct{}");
  renders("struct { }", "struct{}");
  renders("struct{a, b int}", "struct{a int; b int}");
  renders("struct{a,b int;c string}", "struct{a int; b int; c string}");
  renders("struct{ a int; }", "struct{a int}");
  renders("struct{A int; _ string; _ string}", "struct{A int; _ string; _ string}");
  // Predeclared type names are not keywords, so Go allows them as field names.
  renders("struct{int int; any any}", "struct{int int; any any}");
  renders("struct{next *struct{v int}; vals [2]any}", "struct{next *struct{v int}; vals [2]any}");
});

test("whitespace (spaces and tabs) is dropped", () => {
  renders("  map[ string ] [ ] int  ", "map[string][]int");
  renders("\tmap[int]\tint\t", "map[int]int");
  renders("* int", "*int");
  renders("[ 4 ] byte", "[4]byte");
});

test("parentheses group without changing the type", () => {
  renders("(int)", "int");
  renders("((int))", "int");
  renders("*(int)", "*int");
  renders("[]((*int))", "[]*int");
  renders("map[(string)]([]int)", "map[string][]int");
  renders("(struct{a (int)})", "struct{a int}");
});

test("nested maps, slices, arrays and pointers", () => {
  renders("map[string]map[int][]*[4]byte", "map[string]map[int][]*[4]byte");
  renders("[][]map[int64]*string", "[][]map[int64]*string");
  renders("**[0]int", "**[0]int");
  renders("[3][2]struct{x, y float64}", "[3][2]struct{x float64; y float64}");
  renders("map[[2]int]struct{}", "map[[2]int]struct{}");
});

test("comparable map keys are accepted", () => {
  renders("map[any]int", "map[any]int");
  renders("map[*[]int]int", "map[*[]int]int"); // a pointer is comparable whatever it points to
  renders("map[struct{a int; b string}]bool", "map[struct{a int; b string}]bool");
  renders("map[[3]string]int", "map[[3]string]int");
  renders("map[struct{}]int", "map[struct{}]int");
});

test("array lengths from 0 to 1000000000 are accepted", () => {
  renders("[0]int", "[0]int");
  renders("[1]int", "[1]int");
  renders("[1000000000]byte", "[1000000000]byte");
});

test("the tree has the expected shape", () => {
  const expected: GoType = {
    kind: "map",
    key: { kind: "basic", name: "string" },
    elem: { kind: "slice", elem: { kind: "pointer", elem: { kind: "array", length: 4, elem: { kind: "any" } } } },
  };
  assert.deepEqual(parseGoType("map[string][]*[4]interface{}"), expected);
  assert.deepEqual(parseGoType("struct{a, b int8}"), {
    kind: "struct",
    fields: [{ name: "a", type: { kind: "basic", name: "int8" } }, { name: "b", type: { kind: "basic", name: "int8" } }],
  });
});

test("nesting up to 16 levels is accepted, 17 is refused", () => {
  renders(`${"*".repeat(16)}int`, `${"*".repeat(16)}int`);
  rejects(`${"*".repeat(17)}int`, /nests too deeply/);
});

// ---------------------------------------------------------------------------------------------
// Refused types: each message names the bad part

test("unknown type names are named", () => {
  rejects("chan int", /unknown type name "chan"/);
  rejects("func()", /unknown type name "func"/);
  rejects("Foo", /unknown type name "Foo"/);
  rejects("int64x", /unknown type name "int64x"/);
  rejects("Int", /unknown type name "Int"/);
  rejects("error", /unknown type name "error"/);
  rejects("map[string]Foo", /unknown type name "Foo"/);
  rejects("interface{ M() }", /expected "}" at position 12 .* found "M"/);
});

test("non-comparable map keys are named in canonical spelling", () => {
  rejects("map[[]int]int", /map key type "\[\]int" .* not comparable/);
  rejects("map[struct{a []int}]int", /map key type "struct\{a \[\]int\}" .* not comparable/);
  rejects("map[map[int]int]int", /map key type "map\[int\]int" .* not comparable/);
  rejects("map[[2][]int]int", /map key type "\[2\]\[\]int"/);
  rejects("map[struct{a [1]map[int]int}]int", /map key type "struct\{a \[1\]map\[int\]int\}"/);
  // Keys nested anywhere are checked, not only the outermost map.
  rejects("[]map[[]int]int", /map key type "\[\]int"/);
  rejects("map[int]map[[]byte]int", /map key type "\[\]byte"/);
  rejects("struct{m map[[]int]int}", /map key type "\[\]int"/);
  rejects("*map[map[string]int]int", /map key type "map\[string\]int"/);
});

test("bad array lengths are named", () => {
  rejects("[-1]int", /unexpected character "-" at position 2/);
  rejects("[1e3]int", /array length "1e3"/);
  rejects("[0x10]int", /array length "0x10"/);
  rejects("[1.5]int", /array length "1\.5"/);
  rejects("[1000000001]int", /array length "1000000001"/);
  rejects("[99999999999999999999]int", /array length "99999999999999999999"/);
  rejects("[1_000]int", /array length "1_000"/);
  // Go reads a leading 0 as octal ([010]int is [8]int): refused rather than misread as 10.
  rejects("[010]int", /array length "010"/);
  rejects("[n]int", /expected an array length or "\]" at position 2 .* found "n"/);
  rejects("[4]", /expected a type at position 4 .* found the end/);
});

test("types larger than Go allows are refused", () => {
  rejects("[1000000000][1000000000]int", /larger than Go allows/);
  rejects("struct{a [1000000000]int; b [1000000000][1000000]byte}", /larger than Go allows/);
});

test("trailing text after a complete type is named", () => {
  rejects("int int", /unexpected "int" after the end of Go type/);
  rejects("map[int]int]", /unexpected "\]" after the end/);
  rejects("int)", /unexpected "\)" after the end/);
  rejects("struct{a int}}", /unexpected "}" after the end/);
  rejects("[]int;", /unexpected ";" after the end/);
});

test("duplicate struct fields are named", () => {
  rejects("struct{a int; a string}", /duplicate struct field "a"/);
  rejects("struct{a, a int}", /duplicate struct field "a"/);
  rejects("struct{x int; y int; x int}", /duplicate struct field "x"/);
});

test("keyword field names are named", () => {
  rejects("struct{func int}", /field name "func" .* not a Go identifier/);
  rejects("struct{type int}", /field name "type"/);
  rejects("struct{map int}", /field name "map"/);
  rejects("struct{a, range int}", /field name "range"/);
});

test("malformed structs name where they go wrong", () => {
  rejects("struct{a int b int}", /expected "}" at position 14 .* found "b"/);
  rejects("struct{;}", /expected a field name at position 8 .* found ";"/);
  rejects("struct{int}", /expected a type at position 11 .* found "}"/); // no embedded fields
  rejects("struct{a int", /expected "}" .* found the end/);
  rejects("struct{1 int}", /expected a field name .* found "1"/);
});

test("too deep, too long and empty types are refused", () => {
  rejects(`${"[]".repeat(40)}int`, /nests too deeply \(at most 16 levels\)/);
  rejects(`${"(".repeat(30)}int${")".repeat(30)}`, /nests too deeply/);
  rejects(`${" ".repeat(600)}int`, /603 characters long; at most 500/);
  rejects(`struct{${Array.from({ length: 60 }, (_, i) => `f${i} int`).join("; ")}}`, /characters long; at most 500/);
  rejects("", /empty/);
  rejects("   ", /empty/);
  rejects("\t", /empty/);
});

// ---------------------------------------------------------------------------------------------
// Injection shapes: text that would turn a type into Go statements

test("closing brackets followed by declarations are refused", () => {
  rejects("int]int; func init() { panic(1) }", /unexpected "\]int; func init\(\) \{ panic\(1\) \}" after the end/);
  rejects("struct{a int}; var x = 1", /unexpected character "=" at position 22/);
  rejects("map[int]int; func init() {}", /unexpected "; func init\(\) \{\}" after the end/);
  rejects("int); os.Exit(1); (int", /unexpected character "\." at position 9/);
  rejects("map[int]int; import \"os\"", /unexpected character "\\"" at position 21/);
  rejects("[]int{}; var _ = 0", /unexpected character "=" at position 16/);
});

test("backticks and comments are refused", () => {
  rejects("struct{a int `json:\"a\"`}", /unexpected character "`" at position 14/);
  rejects("`int`", /unexpected character "`" at position 1/);
  rejects("int // comment", /unexpected character "\/" at position 5/);
  rejects("int /* c */", /unexpected character "\/" at position 5/);
  rejects("map[int]/**/int", /unexpected character "\/" at position 9/);
});

test("newlines, carriage returns and NUL are refused and shown escaped", () => {
  rejects("map[int]int\nfunc init() {}", /unexpected character "\\n" at position 12/);
  rejects("int\n", /"\\n" at position 4/);
  rejects("struct{a int\n}", /"\\n" at position 13/);
  rejects("int\r", /unexpected character "\\r" at position 4/);
  rejects("int\r\nfunc f() {}", /"\\r" at position 4/);
  rejects("int\u0000", /unexpected character "\\u0000" at position 4/);
  rejects("\u0000int", /"\\u0000" at position 1/);
  rejects("int\f", /"\\f" at position 4/);
  rejects("int\v", /"\\u000b" at position 4/);
});

test("non-ASCII look-alikes are refused with their position", () => {
  rejects("m\u0430p[int]int", /unsupported character .* at position 2 .*plain ASCII/); // Cyrillic а
  rejects("map[int]\u0456nt", /at position 9 .*plain ASCII/); // Cyrillic і
  rejects("map\uFF3Bint\uFF3Dint", /unsupported character "\uFF3B" \(U\+FF3B\) at position 4/); // full-width [ ]
  rejects("map[int]int\u2028func init() {}", /unsupported character "\\u2028" \(U\+2028\) at position 12/); // line separator
  rejects("int\u2029", /"\\u2029" \(U\+2029\) at position 4/); // paragraph separator
  rejects("int\u0085", /"\\u0085" \(U\+0085\) at position 4/); // next line (NEL)
  rejects("int\u007f", /"\\u007f" \(U\+007F\) at position 4/); // DEL
  rejects("map[int]\u00a0int", /at position 9 .*plain ASCII/); // no-break space
  rejects("int\u200b", /at position 4 .*plain ASCII/); // zero-width space
  rejects("\uFEFFint", /at position 1 .*plain ASCII/); // byte-order mark
  rejects("int\u{1F600}", /at position 4 .*plain ASCII/); // astral (surrogate pair)
});

test("refusals in a nested position report that position", () => {
  rejects("map[string][]struct{a int; b chan int}", /unknown type name "chan"/);
  rejects("[]*[2]map[int]\u0430ny", /at position 15/);
  rejects("struct{a [3]int; b [0x3]int}", /array length "0x3"/);
});
