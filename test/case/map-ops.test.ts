/**
 * The map operations at the parser's door: delete then re-insert, clear then re-insert and
 * maps.Clone from JSON and from their short forms, read back from describeCase to the same case,
 * and bad input refused with one clear InputError.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeCase, parseCase } from "../../kernel-helpers/case";
import { InputError } from "../../kernel-helpers/errors";

const SAME: [string, object][] = [
  ["delete(map[int]int, 100, 50, 50)", { op: "mapdelete", key: "int", elem: "int", n: 100, d: 50, r: 50, escape: "heap" }],
  ["delete(make(map[string]*int, 8), 8, 8, 0) [stack]", { op: "mapdelete", key: "string", elem: "*int", n: 8, d: 8, r: 0, hint: 8, escape: "stack" }],
  ["_ = clear(map[int][200]byte, 20, 1_000)", { op: "mapclear", key: "int", elem: "[200]byte", n: 20, r: 1000, escape: "discard" }],
  ["maps.Clone(make(map[int]int, 100), 0)", { op: "mapclone", key: "int", elem: "int", n: 0, hint: 100, escape: "heap" }],
];

test("each map op reads from its short form and from JSON, and its description reads back to it", () => {
  for (const [text, json] of SAME) {
    const c = parseCase(text);
    assert.deepEqual(c, json, text);
    assert.deepEqual(parseCase(JSON.stringify(json)), c, `${text} as JSON`);
    assert.deepEqual(parseCase(describeCase(c)), c, `${text} described as ${describeCase(c)}`);
  }
});

const refused = (input: unknown, message: RegExp) =>
  assert.throws(() => parseCase(input), (e) => e instanceof InputError && message.test(e.message), JSON.stringify(input));

test("bad map-op input is refused with one clear message", () => {
  refused("delete(map[int]int, 10, 11, 0)", /d is 11: a case deletes only keys it inserted \(d ≤ n = 10\)/);
  refused("delete(map[int]int, 10, 5, 6)", /r is 6: a case inserts again only keys it deleted \(r ≤ d = 5\)/);
  refused("delete(map[int]int, 10, 5)", /wrong number of arguments/);
  refused("clear([]int, 10, 5)", /needs a map type|map\[K\]V/);
  refused("maps.Clone(map[[]int]int, 3)", /comparable/);
  refused({ op: "mapclear", key: "int", elem: "int", n: 10 }, /\br\b/);
  refused({ op: "mapclone", key: "int", elem: "int", n: 1e8 }, /n is 100000000; at most 10000000 keys/);
});
