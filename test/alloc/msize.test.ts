import { test } from "node:test";
import assert from "node:assert/strict";
import { MODELLED_RULES, roundupsize } from "../../kernel-helpers/alloc";

const v119 = MODELLED_RULES["1.19.8"];
const v126 = MODELLED_RULES["1.26.8"];

test("roundupsize leaves room for the 1.26 malloc header", () => {
  assert.equal(roundupsize(v126, 1024, false), 1144);
  assert.equal(roundupsize(v126, 1024, true), 1024);
  assert.equal(roundupsize(v119, 1024, false), 1024);
  assert.equal(roundupsize(v126, 40000, true), 40960);
});
