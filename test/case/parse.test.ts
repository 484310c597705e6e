/**
 * parseCase (kernel-helpers/case/parse.ts): the short forms and JSON forms it accepts, the Case it
 * returns (defaults filled in, types re-spelled), and the one-line InputErrors it refuses with.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../kernel-helpers/errors";
import { Case, CASE_SCHEMA, describeCase, ESCAPES, FIELDS, Op, OPS, ParseOptions, parseCase } from "../../kernel-helpers/case";
import { validationMatrix } from "../../kernel-helpers/record";

/** Line breaks of any kind, other control characters, and DEL: none may reach a message raw. */
const NOT_ONE_LINE = /[\x00-\x1f\x7f\u0080-\u009f\u2028\u2029]/;

/** Asserts that `input` parses to exactly `expected` (no extra fields, same key order). */
function parses(input: unknown, expected: Case, options?: ParseOptions): void {
  const got = parseCase(input, options);
  assert.deepEqual(got, expected, `parseCase(${JSON.stringify(input)})`);
  assert.equal(JSON.stringify(got), JSON.stringify(expected), `key order of parseCase(${JSON.stringify(input)})`);
}

/** Asserts that `input` is refused with a one-line InputError whose message matches `pattern`. */
function rejects(input: unknown, pattern: RegExp): void {
  const shown = typeof input === "string" ? JSON.stringify(input) : String(JSON.stringify(input));
  assert.throws(
    () => parseCase(input),
    (e: unknown) => {
      assert.ok(e instanceof InputError, `${shown} threw ${String(e)}, not an InputError`);
      assert.doesNotMatch(e.message, NOT_ONE_LINE, `message for ${shown} is not one printable line`);
      assert.match(e.message, pattern, `message for ${shown}`);
      return true;
    },
    `${shown} was accepted`,
  );
}

const json = (o: object): string => JSON.stringify(o);

// ---------------------------------------------------------------------------------------------
// Short forms

test("make(map[K]V, hint) and make(map[K]V)", () => {
  parses("make(map[int]int, 1000)", { op: "makemap", key: "int", elem: "int", hint: 1000, escape: "heap" });
  parses("make(map[string][]int)", { op: "makemap", key: "string", elem: "[]int", escape: "heap" });
  parses("make(map[int]int, 0)", { op: "makemap", key: "int", elem: "int", hint: 0, escape: "heap" });
  parses("  make ( map[ string ]int ,  8 )  ", { op: "makemap", key: "string", elem: "int", hint: 8, escape: "heap" });
  // Commas inside the type do not split the arguments.
  parses("make(map[struct{a, b int}]string, 3)",
    { op: "makemap", key: "struct{a int; b int}", elem: "string", hint: 3, escape: "heap" });
});

test("make([]T, len) and make([]T, len, cap)", () => {
  parses("make([]int, 0, 1000)", { op: "makeslice", elem: "int", len: 0, cap: 1000, escape: "heap" });
  parses("make([]int, 1000)", { op: "makeslice", elem: "int", len: 1000, escape: "heap" });
  parses("make([]byte, 5, 5)", { op: "makeslice", elem: "byte", len: 5, cap: 5, escape: "heap" });
  parses("make([]*struct{a,b int8}, 2)", { op: "makeslice", elem: "*struct{a int8; b int8}", len: 2, escape: "heap" });
});

test("_ = make(...) selects the discarding program", () => {
  parses("_ = make([]int, 1000)", { op: "makeslice", elem: "int", len: 1000, escape: "discard" });
  parses("_=make(map[int]int)", { op: "makemap", key: "int", elem: "int", escape: "discard" });
  // It wins over the escape option, which applies only when nothing in the text says otherwise.
  parses("_ = make([]int, 1)", { op: "makeslice", elem: "int", len: 1, escape: "discard" }, { escape: "stack" });
});

test("the escape option applies to short forms", () => {
  parses("make([]int, 1)", { op: "makeslice", elem: "int", len: 1, escape: "stack" }, { escape: "stack" });
  parses("make(map[int]int)", { op: "makemap", key: "int", elem: "int", escape: "discard" }, { escape: "discard" });
});

test("digit separators between digits", () => {
  parses("make([]int, 1_000)", { op: "makeslice", elem: "int", len: 1000, escape: "heap" });
  parses("make([]int, 1_000, 1_000_000)", { op: "makeslice", elem: "int", len: 1000, cap: 1_000_000, escape: "heap" });
  parses("make(map[int]int, 9_007_199_254_740_991)",
    { op: "makemap", key: "int", elem: "int", hint: Number.MAX_SAFE_INTEGER, escape: "heap" });
});

test("types in short forms are re-spelled canonically", () => {
  parses("make(map[interface{}]struct{a, b int})",
    { op: "makemap", key: "any", elem: "struct{a int; b int}", escape: "heap" });
  parses("make([]( *int ), 1)", { op: "makeslice", elem: "*int", len: 1, escape: "heap" });
  parses("make(map[ (string) ]map[int] []int)", { op: "makemap", key: "string", elem: "map[int][]int", escape: "heap" });
});

test("append([]T, n) and append(make([]T, len[, cap]), n): n single appends", () => {
  parses("append([]int, 1000)", { op: "append", elem: "int", n: 1000, start: "nil", escape: "heap" });
  parses("append(make([]int, 0, 1000), 1000)", { op: "append", elem: "int", n: 1000, start: "make", len: 0, cap: 1000, escape: "heap" });
  parses("append(make([]string, 4), 1)", { op: "append", elem: "string", n: 1, start: "make", len: 4, escape: "heap" });
  parses(" append ( [] struct{a, b int8} , 1_000 ) ", { op: "append", elem: "struct{a int8; b int8}", n: 1000, start: "nil", escape: "heap" });
  parses("_ = append([]byte, 33)", { op: "append", elem: "byte", n: 33, start: "nil", escape: "discard" });
});

test("insert(map[K]V, n) and insert(make(map[K]V, hint), n): n inserts of distinct keys", () => {
  parses("insert(map[int]int, 1000)", { op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" });
  parses("insert(make(map[int]int), 1000)", { op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" });
  parses("insert(make(map[int]int, 64), 1000)", { op: "mapinsert", key: "int", elem: "int", n: 1000, hint: 64, escape: "heap" });
  parses("insert(map[struct{a, b int}]string, 3)", { op: "mapinsert", key: "struct{a int; b int}", elem: "string", n: 3, escape: "heap" });
});

test("flags in brackets: [stack], [variable size], [new value each]", () => {
  parses("make([]int, 8) [stack]", { op: "makeslice", elem: "int", len: 8, escape: "stack" });
  parses("make([]int, 8, 16) [variable size]", { op: "makeslice", elem: "int", len: 8, cap: 16, constSize: false, escape: "heap" });
  parses("make([]int, 8)[ variable  size , stack ]", { op: "makeslice", elem: "int", len: 8, constSize: false, escape: "stack" });
  parses("insert(map[int]*int, 10) [new value each]", { op: "mapinsert", key: "int", elem: "*int", n: 10, freshElem: true, escape: "heap" });
  parses("_ = make([]int, 8) [variable size]", { op: "makeslice", elem: "int", len: 8, constSize: false, escape: "discard" });
  // [stack] wins over the escape option, as "_ =" does.
  parses("append([]int, 3) [stack]", { op: "append", elem: "int", n: 3, start: "nil", escape: "stack" }, { escape: "discard" });
});

test("bad append, insert and flag short forms", () => {
  rejects("append(map[int]int, 3)", /append to "map\[int\]int": append needs a slice type/);
  rejects("append(make(map[int]int), 3)", /append to "make\(map\[int\]int\)": append needs a slice type/);
  rejects("insert([]int, 3)", /insert into "\[\]int": insert needs a map type/);
  rejects("insert(make([]int, 3), 3)", /insert into .*insert needs a map type/);
  rejects("append([]int)", /wrong number of arguments/);
  rejects("insert(map[int]int, 1, 2)", /wrong number of arguments/);
  rejects("append([]int, -1)", /n must be a whole number .* not "-1"/);
  rejects("append([]chan int, 1)", /unknown type name "chan"/);
  rejects("insert(map[[]int]int, 1)", /map key type "\[\]int" .* not comparable/);
  rejects("append(make([]int, 2, 1), 1)", /len 2 is larger than cap 1/);
  rejects("insert(map[int]int, 1) [new value each]", /elem must be a pointer type, not "int"/);
  rejects("make([]int, 1) [heap]", /unknown flag "\[heap\]": use \[stack\], \[variable size\], \[new value each\]/);
  rejects("make([]int, 1) [new value each]", /\[new value each\] applies only to insert/);
  rejects("append([]int, 1) [variable size]", /\[variable size\] applies only to make\(\[\]T/);
  rejects("_ = make([]int, 1) [stack]", /either discarded .* or kept on the stack/);
  rejects("prepend([]int, 1)", /cannot read case "prepend.*one of make\(map\[K\]V\)/);
  rejects("append([]int, 1); os.Exit(1)", /n must be a whole number|cannot read case/);
});

test("describeCase writes the short form, which reads back to the same case", () => {
  // Every op with every subset of its optional fields, in every escape, and the whole matrix.
  const shapes = OPS.flatMap((op) => {
    const optional = CASE_SCHEMA[op].fields.filter((f) => !f.required && f.name !== "escape").map((f) => f.name);
    return Array.from({ length: 2 ** optional.length }, (_, bits) =>
      Object.fromEntries(Object.entries(FULL[op]).filter(([k]) => !optional.includes(k) || bits & (1 << optional.indexOf(k)))));
  });
  const cases = [
    ...validationMatrix(),
    ...shapes.flatMap((o) => ESCAPES.map((escape) => tryParse({ ...o, escape }))).filter((c): c is Case => c !== undefined),
    parseCase({ op: "mapinsert", key: "string", elem: "*[2]int", n: 7, hint: 9, freshElem: true, escape: "discard" }),
    parseCase({ op: "makemap", key: "struct{a int; b string}", elem: "map[int][]*int", escape: "stack" }),
  ];
  assert.ok(cases.length > 100, `${cases.length} cases`);
  for (const c of cases) assert.deepEqual(parseCase(describeCase(c)), c, describeCase(c));
  assert.equal(describeCase(parseCase("append(make([]int, 0, 1000), 1000)")), "append(make([]int, 0, 1000), 1000)");
  assert.equal(describeCase(parseCase("insert(make(map[int]*int, 64), 10) [new value each, stack]")),
    "insert(make(map[int]*int, 64), 10) [new value each, stack]");
});

test("the parser reads exactly the fields CASE_SCHEMA lists: each required one is needed, each optional one may go", () => {
  for (const op of OPS) {
    const fields = CASE_SCHEMA[op].fields;
    assert.deepEqual(FIELDS[op], ["op", ...fields.map((f) => f.name)], op);
    const full = FULL[op];
    assert.deepEqual(Object.keys(full).sort(), FIELDS[op].slice().sort(), `the ${op} sample holds every field`);
    parseCase(full);
    for (const f of fields) {
      const without: Record<string, unknown> = { ...full };
      delete without[f.name];
      if (f.required) rejects(without, new RegExp(`op ${op} needs the field "${f.name}"`));
      else parseCase(without);
      const wrong = f.kind === "type" || f.kind === "source" || f.kind === "name" ? 7 : f.kind === "size" ? -1 : "neither";
      rejects({ ...full, [f.name]: wrong }, new RegExp(`\\b${f.name}\\b`));
    }
  }
});

/** The case, or undefined for a combination the parser refuses (start nil with a len). */
function tryParse(o: object): Case | undefined {
  try {
    return parseCase(o);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** One case of each op with every field set (the schema test removes and spoils them one at a time). */
const FULL: Record<Op, Record<string, unknown>> = {
  makemap: { op: "makemap", key: "int", elem: "int", hint: 8, escape: "stack" },
  makeslice: { op: "makeslice", elem: "int", len: 1, cap: 2, constSize: false, escape: "stack" },
  append: { op: "append", elem: "int", n: 3, start: "make", len: 1, cap: 2, escape: "stack" },
  mapinsert: { op: "mapinsert", key: "int", elem: "*int", n: 3, hint: 2, freshElem: true, escape: "stack" },
  code: { op: "code", source: "func probe() {}\n", name: "x.go" },
  new: { op: "new", type: "struct{a int}", n: 3, literal: true, escape: "stack" },
  makechan: { op: "makechan", elem: "*int", cap: 3, escape: "stack" },
  box: { op: "box", type: "int16", value: 300, escape: "stack" },
  closure: { op: "closure", captures: ["int", "string"], reassigned: true, escape: "stack" },
  concat: { op: "concat", lens: [3, 5], escape: "stack" },
  concatloop: { op: "concatloop", len: 3, n: 10, escape: "stack" },
  convert: { op: "convert", to: "runes", len: 3, escape: "stack" },
  appendslice: { op: "appendslice", elem: "int", add: 3, start: "make", len: 1, cap: 2, escape: "stack" },
  slicesgrow: { op: "slicesgrow", elem: "int", grow: 3, start: "make", len: 1, cap: 2, escape: "stack" },
  builder: { op: "builder", len: 3, n: 10, grow: 4, escape: "stack" },
  buffer: { op: "buffer", len: 3, n: 10, grow: 4, escape: "stack" },
  mapdelete: { op: "mapdelete", key: "int", elem: "int", n: 10, d: 5, r: 3, hint: 4, escape: "stack" },
  mapclear: { op: "mapclear", key: "int", elem: "int", n: 10, r: 3, hint: 4, escape: "stack" },
  mapclone: { op: "mapclone", key: "string", elem: "int", n: 10, hint: 4, escape: "stack" },
};

// ---------------------------------------------------------------------------------------------
// JSON forms and objects

test("makemap from JSON, with defaults", () => {
  parses(json({ op: "makemap", key: "int", elem: "int" }), { op: "makemap", key: "int", elem: "int", escape: "heap" });
  parses(json({ op: "makemap", key: "string", elem: "int", hint: 10, escape: "stack" }),
    { op: "makemap", key: "string", elem: "int", hint: 10, escape: "stack" });
});

test("makeslice from JSON, with defaults", () => {
  parses(json({ op: "makeslice", elem: "int", len: 3 }), { op: "makeslice", elem: "int", len: 3, escape: "heap" });
  parses(json({ op: "makeslice", elem: "int", len: 3, cap: 8, constSize: false, escape: "discard" }),
    { op: "makeslice", elem: "int", len: 3, cap: 8, constSize: false, escape: "discard" });
  // constSize true is the default: the same case as without it.
  parses(json({ op: "makeslice", elem: "int", len: 0, constSize: true }),
    { op: "makeslice", elem: "int", len: 0, escape: "heap" });
});

test("append from JSON: start make gets len 0, start nil gets none", () => {
  parses(json({ op: "append", elem: "int", n: 100, start: "make" }),
    { op: "append", elem: "int", n: 100, start: "make", len: 0, escape: "heap" });
  parses(json({ op: "append", elem: "int", n: 100, start: "make", cap: 16 }),
    { op: "append", elem: "int", n: 100, start: "make", len: 0, cap: 16, escape: "heap" });
  parses(json({ op: "append", elem: "string", n: 1, start: "make", len: 4, cap: 4, escape: "stack" }),
    { op: "append", elem: "string", n: 1, start: "make", len: 4, cap: 4, escape: "stack" });
  parses(json({ op: "append", elem: "int", n: 0, start: "nil" }),
    { op: "append", elem: "int", n: 0, start: "nil", escape: "heap" });
});

test("mapinsert from JSON, with defaults", () => {
  parses(json({ op: "mapinsert", key: "int", elem: "int", n: 1000 }),
    { op: "mapinsert", key: "int", elem: "int", n: 1000, escape: "heap" });
  parses(json({ op: "mapinsert", key: "string", elem: "*int", n: 10, hint: 10, freshElem: true }),
    { op: "mapinsert", key: "string", elem: "*int", n: 10, hint: 10, freshElem: true, escape: "heap" });
  // freshElem false does not need a pointer, and is the default: the same case as without it.
  parses(json({ op: "mapinsert", key: "int", elem: "int", n: 1, freshElem: false }),
    { op: "mapinsert", key: "int", elem: "int", n: 1, escape: "heap" });
});

test("code from JSON: the source kept whole, a name for messages, nothing else", () => {
  const source = "import \"strings\"\n\nvar sink string\n\nfunc probe() { sink = strings.Repeat(\"a\", 3) }\n";
  parses(json({ op: "code", source }), { op: "code", source });
  parses(json({ op: "code", source, name: "repeat.go" }), { op: "code", source, name: "repeat.go" });
  rejects({ op: "code", source, escape: "heap" }, /unknown field "escape" for op code/);
  rejects({ op: "code" }, /op code needs the field "source"/);
  rejects({ op: "code", source: 7 }, /field "source" must be a string holding Go source/);
  rejects({ op: "code", source: "func probe() {}\0" }, /NUL/);
  rejects({ op: "code", source: "x".repeat(64 * 1024 + 1) }, /at most 65536 are accepted/);
  for (const name of ["a b.go", "../x.go", "x\ny.go", "", "x".repeat(101)]) rejects({ op: "code", source, name }, /invalid name/);
  assert.equal(describeCase(parseCase({ op: "code", source, name: "repeat.go" })), "code repeat.go");
  assert.equal(describeCase(parseCase({ op: "code", source })), "code code.go");
});

test("JSON cases that omit escape take the escape option", () => {
  parses(json({ op: "makemap", key: "int", elem: "int" }), { op: "makemap", key: "int", elem: "int", escape: "stack" },
    { escape: "stack" });
  // An explicit escape in the JSON wins.
  parses(json({ op: "makemap", key: "int", elem: "int", escape: "heap" }),
    { op: "makemap", key: "int", elem: "int", escape: "heap" }, { escape: "stack" });
});

test("objects are accepted as well as text", () => {
  parses({ op: "makeslice", elem: "int", len: 1 }, { op: "makeslice", elem: "int", len: 1, escape: "heap" });
  // Explicit undefined fields count as absent and are dropped.
  parses({ op: "makemap", key: "int", elem: "int", hint: undefined }, { op: "makemap", key: "int", elem: "int", escape: "heap" });
});

test("types in JSON cases are re-spelled canonically", () => {
  parses(json({ op: "makemap", key: "interface{}", elem: "struct{a, b int}" }),
    { op: "makemap", key: "any", elem: "struct{a int; b int}", escape: "heap" });
  parses(json({ op: "mapinsert", key: " (string) ", elem: "*  struct{ }", n: 1, freshElem: true }),
    { op: "mapinsert", key: "string", elem: "*struct{}", n: 1, freshElem: true, escape: "heap" });
  parses(json({ op: "append", elem: "[ 4 ]byte", n: 1, start: "nil" }),
    { op: "append", elem: "[4]byte", n: 1, start: "nil", escape: "heap" });
});

test("equal cases serialise equal, whatever the spelling or field order", () => {
  const same = (a: unknown, b: unknown) =>
    assert.equal(JSON.stringify(parseCase(a)), JSON.stringify(parseCase(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  same("make(map[int]int, 1000)", json({ escape: "heap", hint: 1000, elem: "int", key: "int", op: "makemap" }));
  same("make(map[int]int, 1_000)", { op: "makemap", key: "(int)", elem: "int", hint: 1000 });
  same("make([]interface{}, 0, 8)", json({ cap: 8, len: 0, elem: "any", op: "makeslice" }));
  same(json({ op: "append", elem: "int", n: 1, start: "make" }), json({ n: 1, start: "make", len: 0, op: "append", elem: "int" }));
  same(json({ op: "mapinsert", key: "int", elem: "*int", n: 5, freshElem: true, hint: 5 }),
    json({ hint: 5, freshElem: true, n: 5, elem: "* int", key: "int", op: "mapinsert", escape: "heap" }));
  // And different cases do not.
  assert.notEqual(JSON.stringify(parseCase("make([]int, 1)")), JSON.stringify(parseCase("_ = make([]int, 1)")));
});

// ---------------------------------------------------------------------------------------------
// Refusals

test("unknown op, unknown field, missing field", () => {
  rejects(json({ op: "makeset", elem: "int" }), /unknown op "makeset"/);
  rejects(json({ elem: "int", len: 1 }), /unknown op/);
  rejects(json({ op: "makemap", key: "int", elem: "int", size: 5 }), /unknown field "size" for op makemap/);
  rejects(json({ op: "makeslice", elem: "int", len: 1, n: 5 }), /unknown field "n" for op makeslice/);
  rejects(json({ op: "makemap", key: "int", elem: "int", freshElem: true }), /unknown field "freshElem"/);
  rejects('{"op": "makemap", "key": "int", "elem": "int", "__proto__": {"hint": 1}}', /unknown field "__proto__"/);
  rejects(json({ op: "makemap", key: "int" }), /op makemap needs the field "elem"/);
  rejects(json({ op: "makemap", elem: "int" }), /op makemap needs the field "key"/);
  rejects(json({ op: "makeslice", elem: "int" }), /op makeslice needs the field "len"/);
  rejects(json({ op: "append", elem: "int", n: 1 }), /op append needs the field "start"/);
  rejects(json({ op: "append", elem: "int", start: "nil" }), /op append needs the field "n"/);
  rejects(json({ op: "mapinsert", key: "int", elem: "int" }), /op mapinsert needs the field "n"/);
});

test("sizes must be whole numbers from 0 to MAX_SAFE_INTEGER", () => {
  const slice = (len: unknown) => ({ op: "makeslice", elem: "int", len });
  rejects(json(slice(-1)), /len must be a whole number .* not "-1"/);
  rejects(json(slice(1.5)), /len must be a whole number .* not "1\.5"/);
  rejects(json(slice("5")), /len must be a whole number .* not "5"/);
  rejects(json(slice(true)), /len must be a whole number .* not "true"/);
  rejects('{"op": "makeslice", "elem": "int", "len": null}', /len must be a whole number .* not "null"/);
  rejects(json(slice(2 ** 53)), /len must be a whole number from 0 to 9007199254740991, not "9007199254740992"/);
  rejects('{"op": "makeslice", "elem": "int", "len": 1e300}', /len must be a whole number/);
  rejects(slice(NaN), /len must be a whole number .* not "NaN"/);
  rejects(slice(Infinity), /len must be a whole number .* not "Infinity"/);
  rejects(slice(-0.5), /len must be a whole number/);
  rejects(json({ op: "makemap", key: "int", elem: "int", hint: -5 }), /hint must be a whole number .* not "-5"/);
  rejects(json({ op: "makeslice", elem: "int", len: 1, cap: 2.5 }), /cap must be a whole number .* not "2\.5"/);
  rejects(json({ op: "append", elem: "int", n: -1, start: "nil" }), /n must be a whole number .* not "-1"/);
  rejects(json({ op: "mapinsert", key: "int", elem: "int", n: "10" }), /n must be a whole number .* not "10"/);
});

test("len may not exceed cap", () => {
  rejects(json({ op: "makeslice", elem: "int", len: 5, cap: 4 }), /len 5 is larger than cap 4/);
  rejects(json({ op: "append", elem: "int", n: 1, start: "make", len: 3, cap: 2 }), /len 3 is larger than cap 2/);
  rejects("make([]int, 2, 1)", /len 2 is larger than cap 1/);
});

test("freshElem needs a pointer elem", () => {
  rejects(json({ op: "mapinsert", key: "int", elem: "int", n: 1, freshElem: true }), /elem must be a pointer type, not "int"/);
  rejects(json({ op: "mapinsert", key: "int", elem: "[]*int", n: 1, freshElem: true }), /not "\[\]\*int"/);
  rejects(json({ op: "mapinsert", key: "int", elem: "(interface{})", n: 1, freshElem: true }), /not "any"/);
  rejects(json({ op: "mapinsert", key: "int", elem: "*int", n: 1, freshElem: "yes" }), /invalid freshElem: "yes" \(use true, false\)/);
  rejects(json({ op: "makeslice", elem: "int", len: 1, constSize: 1 }), /invalid constSize: "1"/);
});

test("start nil takes no len or cap", () => {
  rejects(json({ op: "append", elem: "int", n: 1, start: "nil", len: 0 }), /len and cap apply only to start "make"/);
  rejects(json({ op: "append", elem: "int", n: 1, start: "nil", cap: 8 }), /len and cap apply only to start "make"/);
  rejects(json({ op: "append", elem: "int", n: 1, start: "empty" }), /invalid start: "empty" \(use nil, make\)/);
});

test("escape must be heap, stack or discard", () => {
  rejects(json({ op: "makemap", key: "int", elem: "int", escape: "register" }), /invalid escape: "register" \(use heap, stack, discard\)/);
  rejects(json({ op: "makemap", key: "int", elem: "int", escape: "Heap" }), /invalid escape: "Heap"/);
  rejects(json({ op: "makemap", key: "int", elem: "int", escape: null }), /invalid escape: "null"/);
});

test("malformed JSON is refused on one line", () => {
  rejects('{"op": "makemap",', /not valid JSON: \S/); // the parser's reason follows
  rejects("{op: makemap}", /not valid JSON/);
  rejects('{"op": "makemap", "key": "int", "elem": "int",}', /not valid JSON/);
  // The parser's reason quotes the text: its newlines must not break the message.
  rejects('{"op": "makemap",\n "key": int}', /not valid JSON/);
  rejects('{"op":\r\n"makemap"\u2028 x}', /not valid JSON/);
});

test("objects that are not cases are refused", () => {
  rejects(json([1, 2]), /cannot read case/); // text not starting with "{" is read as a short form
  rejects([{ op: "makemap" }], /must be a JSON object/);
  rejects(null, /must be a JSON object/);
  rejects(42, /must be a JSON object/);
  rejects("null", /cannot read case/);
});

test("bad types in JSON cases are refused with the type's message", () => {
  // Key and elem are parsed apart, so the map's key rule must be checked for JSON cases too.
  rejects(json({ op: "makemap", key: "[]int", elem: "int" }), /map key type "\[\]int" in "map\[\[\]int\]int" is not comparable/);
  rejects(json({ op: "makemap", key: "struct{a []int}", elem: "int" }), /map key type "struct\{a \[\]int\}" .* not comparable/);
  rejects(json({ op: "mapinsert", key: "map[int]int", elem: "*int", n: 1 }), /map key type "map\[int\]int" .* not comparable/);
  rejects({ op: "mapinsert", key: "[2][]byte", elem: "int", n: 1 }, /map key type "\[2\]\[\]byte" .* not comparable/);
  rejects(json({ op: "makemap", key: "int", elem: "chan int" }), /unknown type name "chan"/);
  rejects(json({ op: "makemap", key: 5, elem: "int" }), /field "key" must be a string holding a Go type/);
  rejects(json({ op: "makeslice", elem: "int]int; func init() { panic(1) }", len: 1 }), /unexpected "\]int; func init/);
  rejects(json({ op: "makeslice", elem: "int\nfunc init() {}", len: 1 }), /unexpected character "\\n"/);
  rejects(json({ op: "makeslice", elem: "", len: 1 }), /empty/);
});

test("bad short forms", () => {
  rejects("make(func(), 1)", /unknown type name "func"|expected/);
  rejects("make([]int)", /wrong number of arguments in "make\(\[\]int\)"/);
  rejects("make([]int, 1, 2, 3)", /wrong number of arguments/);
  rejects("make(map[int]int, 1, 2)", /wrong number of arguments/);
  rejects("make([]int, -1)", /len must be a whole number .* not "-1"/);
  rejects("make([]int, 1.5)", /len must be a whole number .* not "1\.5"/);
  rejects("make([]int, 0x10)", /len must be a whole number .* not "0x10"/);
  rejects("make([]int, 1e3)", /not "1e3"/);
  rejects("make([]int, n)", /not "n"/);
  rejects("make([]int, )", /len must be a whole number .* not ""/);
  rejects("make([]int, 99999999999999999999)", /len must be a whole number from 0 to 9007199254740991/);
  rejects("make([]int, 9_007_199_254_740_992)", /not "9007199254740992"/);
  // Go reads a leading 0 as octal (010 is 8): refused rather than misread as 10.
  rejects("make([]int, 010)", /not "010"/);
  rejects("make([]int, 0_10)", /not "0_10"/);
  // Separators only between digits, one at a time, as in Go.
  rejects("make([]int, _1000)", /not "_1000"/);
  rejects("make([]int, 1000_)", /not "1000_"/);
  rejects("make([]int, 1__000)", /not "1__000"/);
  rejects("make(int, 1)", /make of "int"/);
  rejects("make([4]int, 1)", /make of "\[4\]int"/);
  rejects("make(map[[]int]int)", /map key type "\[\]int" .* not comparable/);
  rejects("delete(int)", /cannot read case "delete\(int\)"/);
  rejects("make([]int, 1", /cannot read case/);
  rejects("x := make([]int, 1)", /cannot read case/);
  rejects("", /cannot read case ""/);
});

test("short forms with code after them are refused", () => {
  rejects("make([]int, 5); os.Exit(1)", /len must be a whole number .* not "5\); os\.Exit\(1"/);
  rejects("make([]int, 5), f(1, 2)", /wrong number of arguments|len must be a whole number/);
  rejects("make([]int, 5)\nfunc init() { panic(1) }", /cannot read case "make\(\[\]int, 5\)\\nfunc init/);
  rejects("make([]int]int; func init() { panic(1) }; var _ = []int{, 5)", /unexpected|len must be/);
  rejects("make([]int /* c */, 5)", /unexpected character "\/"/);
  rejects("make([]int, 5 // c\n)", /not "5 \/\/ c"/);
  rejects("make([]\u0456nt, 5)", /at position 3 .*plain ASCII/);
});

test("overlong case text is refused", () => {
  rejects(`make([]int, ${"1".repeat(4000)})`, /case text is 4013 characters long; at most 4000/);
});
